// POST /api/kith/v1/auth/sign_up, /auth/confirm, /auth/confirm/resend
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { confirmEmail, resendConfirmation } from '../../../../domain/auth/confirm-email.ts'
import { signUp } from '../../../../domain/auth/sign-up.ts'
import type { Api } from '../../../types.ts'

const SignUpBody = Type.Object({
  username: Type.String({ maxLength: 30 }),
  email: Type.String({ maxLength: 254 }),
  password: Type.String({ maxLength: 256 }),
  agreement: Type.Boolean(),
  invite_code: Type.Optional(Type.String({ maxLength: 64 })),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  locale: Type.Optional(Type.String({ maxLength: 10 })),
})
const Ok = Type.Object({ ok: Type.Boolean() })

export function registerSignUpRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/kith/v1/auth/sign_up',
    {
      schema: {
        tags: ['kith'],
        body: SignUpBody,
        response: { 200: Type.Object({ status: Type.Literal('confirmation_sent') }) },
      },
      config: { rateLimit: { max: 15, timeWindow: '30 minutes' } },
    },
    async (req) => {
      const b = req.body
      await signUp(ctx, {
        username: b.username,
        email: b.email,
        password: b.password,
        agreement: b.agreement,
        inviteCode: b.invite_code || null,
        reason: b.reason ?? null,
        locale: b.locale,
        ip: req.ip ?? null,
      })
      return { status: 'confirmation_sent' as const }
    },
  )

  api.post(
    '/api/kith/v1/auth/confirm',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: {
          200: Type.Object({ status: Type.Union([Type.Literal('confirmed'), Type.Literal('pending_approval')]) }),
        },
      },
      config: { rateLimit: { max: 30, timeWindow: '10 minutes' } },
    },
    async (req) => confirmEmail(ctx, req.body.token),
  )

  api.post(
    '/api/kith/v1/auth/confirm/resend',
    {
      schema: { tags: ['kith'], body: Type.Object({ email: Type.String({ maxLength: 254 }) }), response: { 200: Ok } },
      config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
    },
    async (req) => {
      await resendConfirmation(ctx, req.body.email)
      return { ok: true }
    },
  )
}
