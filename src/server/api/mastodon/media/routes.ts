// Media uploads: POST /api/v2/media (and /api/v1/media), GET and PUT /api/v1/media/:id.
import type { AppContext } from '../../../context.ts'
import type { Api } from '../../types.ts'
import { registerMediaCreateRoutes } from './create.ts'
import { registerMediaShowRoutes } from './show.ts'
import { registerMediaUpdateRoutes } from './update.ts'

export function registerMediaArea(api: Api, ctx: AppContext): void {
  registerMediaCreateRoutes(api, ctx)
  registerMediaShowRoutes(api, ctx)
  registerMediaUpdateRoutes(api, ctx)
}
