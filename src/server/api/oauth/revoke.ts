// POST /oauth/revoke (RFC 7009): an app revokes one of its tokens.
import { Type } from 'typebox'
import { OAuthError } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../context.ts'
import { revokeToken } from '../../domain/oauth/token-grants.ts'
import type { Api } from '../types.ts'
import { basicClientCredentials, registerOAuthScope } from './oauth-scope.ts'

const Body = Type.Object({
  client_id: Type.Optional(Type.String({ maxLength: 128 })),
  client_secret: Type.Optional(Type.String({ maxLength: 128 })),
  token: Type.String({ maxLength: 256 }),
  token_type_hint: Type.Optional(Type.String({ maxLength: 64 })),
})

export function registerOAuthRevokeRoutes(api: Api, ctx: AppContext): void {
  registerOAuthScope(api, (scope) => {
    scope.post(
      '/oauth/revoke',
      {
        schema: { tags: ['oauth'], body: Body, response: { 200: Type.Object({}), '4xx': OAuthError } },
        config: { rateLimit: { max: 60, timeWindow: '5 minutes' } },
      },
      async (req) => {
        const basic = basicClientCredentials(req.headers.authorization)
        await revokeToken(ctx, {
          clientId: req.body.client_id ?? basic.clientId,
          clientSecret: req.body.client_secret ?? basic.clientSecret,
          token: req.body.token,
        })
        return {}
      },
    )
  })
}
