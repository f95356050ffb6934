// POST /oauth/token: authorization_code (with PKCE), client_credentials and refresh_token grants.
import { Type } from 'typebox'
import { OAuthError, Token } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../context.ts'
import { exchangeToken } from '../../domain/oauth/token-grants.ts'
import { presentToken } from '../mastodon/present/applications.ts'
import type { Api } from '../types.ts'
import { basicClientCredentials, registerOAuthScope } from './oauth-scope.ts'

const Body = Type.Object({
  grant_type: Type.String({ maxLength: 64 }),
  client_id: Type.Optional(Type.String({ maxLength: 128 })),
  client_secret: Type.Optional(Type.String({ maxLength: 128 })),
  code: Type.Optional(Type.String({ maxLength: 256 })),
  redirect_uri: Type.Optional(Type.String({ maxLength: 2000 })),
  code_verifier: Type.Optional(Type.String({ maxLength: 256 })),
  refresh_token: Type.Optional(Type.String({ maxLength: 256 })),
  scope: Type.Optional(Type.String({ maxLength: 1000 })),
})

export function registerOAuthTokenRoutes(api: Api, ctx: AppContext): void {
  registerOAuthScope(api, (scope) => {
    scope.post(
      '/oauth/token',
      {
        schema: { tags: ['oauth'], body: Body, response: { 200: Token, '4xx': OAuthError } },
        config: { rateLimit: { max: 60, timeWindow: '5 minutes' } },
      },
      async (req) => {
        const b = req.body
        const basic = basicClientCredentials(req.headers.authorization)
        const issued = await exchangeToken(ctx, {
          grantType: b.grant_type,
          clientId: b.client_id ?? basic.clientId,
          clientSecret: b.client_secret ?? basic.clientSecret,
          code: b.code,
          redirectUri: b.redirect_uri,
          codeVerifier: b.code_verifier,
          refreshToken: b.refresh_token,
          scope: b.scope,
        })
        return presentToken(issued)
      },
    )
  })
}
