// POST /api/kith/v1/auth/sign_in, /auth/two_factor, /auth/sign_out
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { endSession, SESSION_MAX_AGE_S, startSession } from '../../../../domain/auth/sessions.ts'
import { completeTwoFactorSignIn, signIn } from '../../../../domain/auth/sign-in.ts'
import { clearSessionCookie, clientMeta, setSessionCookie } from '../../../auth.ts'
import type { Api } from '../../../types.ts'
import { CurrentUser, presentCurrentUser } from '../../present/current-user.ts'

const SignedIn = Type.Object({
  status: Type.Union([Type.Literal('signed_in'), Type.Literal('two_factor_required')]),
  user: Type.Optional(CurrentUser),
  challenge: Type.Optional(Type.String()),
})

export function registerSignInRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/kith/v1/auth/sign_in',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({ login: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 256 }) }),
        response: { 200: SignedIn },
      },
      config: { rateLimit: { max: 20, timeWindow: '5 minutes' } },
    },
    async (req, reply) => {
      const result = await signIn(ctx, req.body.login, req.body.password)
      if (result.status === 'two_factor_required') return result
      const { token } = await startSession(ctx, result.user, clientMeta(req))
      setSessionCookie(ctx, reply, token, SESSION_MAX_AGE_S)
      return { status: 'signed_in' as const, user: presentCurrentUser(result.user, result.account) }
    },
  )

  api.post(
    '/api/kith/v1/auth/two_factor',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({ challenge: Type.String({ maxLength: 500 }), code: Type.String({ maxLength: 20 }) }),
        response: { 200: SignedIn },
      },
      config: { rateLimit: { max: 20, timeWindow: '5 minutes' } },
    },
    async (req, reply) => {
      const { user, account } = await completeTwoFactorSignIn(ctx, req.body.challenge, req.body.code)
      const { token } = await startSession(ctx, user, clientMeta(req))
      setSessionCookie(ctx, reply, token, SESSION_MAX_AGE_S)
      return { status: 'signed_in' as const, user: presentCurrentUser(user, account) }
    },
  )

  api.post(
    '/api/kith/v1/auth/sign_out',
    {
      schema: { tags: ['kith'], response: { 200: Type.Object({ ok: Type.Boolean() }) } },
      config: { auth: 'optional' },
    },
    async (req, reply) => {
      if (req.viewer?.sessionId) await endSession(ctx, req.viewer.user.id, req.viewer.sessionId)
      clearSessionCookie(ctx, reply)
      return { ok: true }
    },
  )
}
