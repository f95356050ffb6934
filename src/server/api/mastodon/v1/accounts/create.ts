// POST /api/v1/accounts: registration by an app, answered with a token for the new person.
import { Type } from 'typebox'
import { Nullable, Token } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { signUpWithApp } from '../../../../domain/oauth/app-sign-up.ts'
import { AppError } from '../../../../errors.ts'
import type { Api } from '../../../types.ts'
import { acceptFormFields } from '../../form-data.ts'
import { presentToken } from '../../present/applications.ts'

// Generous caps; sign-up itself answers 422 with Mastodon-style field messages.
const Body = Type.Object({
  username: Type.String({ maxLength: 200 }),
  email: Type.String({ maxLength: 320 }),
  password: Type.String({ maxLength: 1024 }),
  agreement: Type.Boolean({ default: false }),
  locale: Type.Optional(Type.String({ maxLength: 16 })),
  reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  invite_code: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
})

export function registerAccountCreateRoutes(api: Api, ctx: AppContext): void {
  api.register(async (scope: Api) => {
    acceptFormFields(scope)
    scope.post(
      '/api/v1/accounts',
      {
        schema: { tags: ['mastodon'], body: Body, response: { 200: Token } },
        config: {
          auth: 'app',
          scopes: ['write:accounts'],
          // Mastodon's own throttle for sign-ups: 25 per IP per 5 minutes.
          rateLimit: { max: 25, timeWindow: '5 minutes' },
        },
      },
      async (req) => {
        if (!req.oauthToken) throw new AppError('unauthorized', 'This method needs a token issued to an app')
        const b = req.body
        const issued = await signUpWithApp(ctx, req.oauthToken, {
          username: b.username,
          email: b.email,
          password: b.password,
          agreement: b.agreement,
          locale: b.locale,
          reason: b.reason ?? null,
          inviteCode: b.invite_code || null,
          ip: req.ip ?? null,
        })
        return presentToken(issued)
      },
    )
  })
}
