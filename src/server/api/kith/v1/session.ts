// GET /api/kith/v1/session: who the web client is signed in as.
import { Type } from 'typebox'
import type { AppContext } from '../../../context.ts'
import type { Api } from '../../types.ts'
import { CurrentUser, presentCurrentUser } from '../present/current-user.ts'

export function registerSessionRoutes(api: Api, _ctx: AppContext): void {
  api.get(
    '/api/kith/v1/session',
    {
      schema: { tags: ['kith'], response: { 200: Type.Object({ user: Type.Union([CurrentUser, Type.Null()]) }) } },
      config: { auth: 'optional' },
    },
    async (req) => ({ user: req.viewer ? presentCurrentUser(req.viewer.user, req.viewer.account) : null }),
  )
}
