// The admin and moderation API: /api/v1/admin/… (Mastodon) and /api/kith/v1/admin/… (Kith).
import type { AppContext } from '../../context.ts'
import type { Api } from '../types.ts'

export function registerAdminArea(_api: Api, _ctx: AppContext): void {}
