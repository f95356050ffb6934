// POST /api/kith/v1/auth/password/forgot and /auth/password/reset
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { requestPasswordReset, resetPassword } from '../../../../domain/auth/passwords-reset.ts'
import type { Api } from '../../../types.ts'

const Ok = Type.Object({ ok: Type.Boolean() })

export function registerPasswordRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/kith/v1/auth/password/forgot',
    {
      schema: { tags: ['kith'], body: Type.Object({ email: Type.String({ maxLength: 254 }) }), response: { 200: Ok } },
      config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
    },
    async (req) => {
      await requestPasswordReset(ctx, req.body.email)
      return { ok: true }
    },
  )

  api.post(
    '/api/kith/v1/auth/password/reset',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({
          token: Type.String({ minLength: 1, maxLength: 200 }),
          password: Type.String({ maxLength: 256 }),
        }),
        response: { 200: Ok },
      },
      config: { rateLimit: { max: 20, timeWindow: '15 minutes' } },
    },
    async (req) => {
      await resetPassword(ctx, req.body.token, req.body.password)
      return { ok: true }
    },
  )
}
