// PATCH /api/kith/v1/settings/profile, POST /settings/password, POST /settings/email
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { updateBasics } from '../../../../domain/accounts/update-basics.ts'
import { changePassword, requestEmailChange } from '../../../../domain/auth/passwords-reset.ts'
import type { Api } from '../../../types.ts'
import { CurrentUser, presentCurrentUser } from '../../present/current-user.ts'

const Ok = Type.Object({ ok: Type.Boolean() })

export function registerAccountSettingsRoutes(api: Api, ctx: AppContext): void {
  api.patch(
    '/api/kith/v1/settings/profile',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({
          display_name: Type.Optional(Type.String({ maxLength: 100 })),
          locale: Type.Optional(Type.String({ maxLength: 10 })),
        }),
        response: { 200: Type.Object({ user: CurrentUser }) },
      },
      config: { auth: 'session' },
    },
    async (req) => {
      const { user, account } = await updateBasics(ctx, req.viewer!.user, {
        displayName: req.body.display_name,
        locale: req.body.locale,
      })
      return { user: presentCurrentUser(user, account) }
    },
  )

  api.post(
    '/api/kith/v1/settings/password',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({
          current_password: Type.String({ maxLength: 256 }),
          password: Type.String({ maxLength: 256 }),
        }),
        response: { 200: Ok },
      },
      config: { auth: 'session', rateLimit: { max: 10, timeWindow: '10 minutes' } },
    },
    async (req) => {
      const v = req.viewer!
      await changePassword(ctx, v.user, req.body.current_password, req.body.password, v.sessionId)
      return { ok: true }
    },
  )

  api.post(
    '/api/kith/v1/settings/email',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({
          current_password: Type.String({ maxLength: 256 }),
          email: Type.String({ maxLength: 254 }),
        }),
        response: { 200: Ok },
      },
      config: { auth: 'session', rateLimit: { max: 10, timeWindow: '10 minutes' } },
    },
    async (req) => {
      const v = req.viewer!
      await requestEmailChange(ctx, v.user, v.account, req.body.current_password, req.body.email)
      return { ok: true }
    },
  )
}
