// GET/DELETE /api/kith/v1/settings/sessions, GET/DELETE /api/kith/v1/settings/apps
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { endSession, listSessions } from '../../../../domain/auth/sessions.ts'
import { listAuthorizedApps, revokeAuthorizedApp } from '../../../../domain/oauth/authorized-apps.ts'
import type { Api } from '../../../types.ts'

const Id = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })
const Ok = Type.Object({ ok: Type.Boolean() })
const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()])

const Session = Type.Object({
  id: Type.String(),
  created_at: Type.String(),
  last_seen_at: Type.String(),
  ip: Nullable(Type.String()),
  user_agent: Nullable(Type.String()),
  current: Type.Boolean(),
})
const AuthorizedApp = Type.Object({
  id: Type.String(),
  name: Type.String(),
  website: Nullable(Type.String()),
  scopes: Type.Array(Type.String()),
  created_at: Type.String(),
  last_used_at: Nullable(Type.String()),
})

export function registerSessionSettingsRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/settings/sessions',
    { schema: { tags: ['kith'], response: { 200: Type.Array(Session) } }, config: { auth: 'session' } },
    async (req) => {
      const v = req.viewer!
      const rows = await listSessions(ctx, v.user.id)
      return rows.map((s) => ({
        id: s.id,
        created_at: s.created_at,
        last_seen_at: s.last_seen_at,
        ip: s.ip,
        user_agent: s.user_agent,
        current: s.id === v.sessionId,
      }))
    },
  )

  api.delete(
    '/api/kith/v1/settings/sessions/:id',
    { schema: { tags: ['kith'], params: Id, response: { 200: Ok } }, config: { auth: 'session' } },
    async (req) => {
      await endSession(ctx, req.viewer!.user.id, req.params.id)
      return { ok: true }
    },
  )

  api.get(
    '/api/kith/v1/settings/apps',
    { schema: { tags: ['kith'], response: { 200: Type.Array(AuthorizedApp) } }, config: { auth: 'session' } },
    async (req) => listAuthorizedApps(ctx, req.viewer!.user.id),
  )

  api.delete(
    '/api/kith/v1/settings/apps/:id',
    { schema: { tags: ['kith'], params: Id, response: { 200: Ok } }, config: { auth: 'session' } },
    async (req) => {
      await revokeAuthorizedApp(ctx, req.viewer!.user.id, req.params.id)
      return { ok: true }
    },
  )
}
