// Media uploads: POST /api/v2/media, GET/PUT /api/v1/media/:id.
import type { AppContext } from '../../../context.ts'
import type { Api } from '../../types.ts'

export function registerMediaArea(_api: Api, _ctx: AppContext): void {}
