// GET and POST /api/kith/v1/oauth/authorization: the consent page behind /oauth/authorize
// (docs/api-kith-web.md § "OAuth consent"). Only the signed-in web session may answer, never an
// OAuth token: an app must not be able to authorize another app.
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { checkAuthorizationRequest, decideAuthorization } from '../../../../domain/oauth/authorization.ts'
import type { Api } from '../../../types.ts'

const Params = {
  client_id: Type.String({ maxLength: 128 }),
  redirect_uri: Type.String({ maxLength: 2000 }),
  scope: Type.Optional(Type.String({ maxLength: 1000 })),
  state: Type.Optional(Type.String({ maxLength: 2000 })),
  code_challenge: Type.Optional(Type.String({ maxLength: 256 })),
  code_challenge_method: Type.Optional(Type.String({ maxLength: 16 })),
}
const Query = Type.Object({ ...Params, response_type: Type.String({ maxLength: 32 }) })
const Body = Type.Object({ ...Params, approve: Type.Boolean() })

const Authorization = Type.Object({
  app: Type.Object({ name: Type.String(), website: Type.Union([Type.String(), Type.Null()]) }),
  scopes: Type.Array(Type.String()),
  redirect_uri: Type.String(),
})
const Decision = Type.Object({ redirect_to: Type.String(), code: Type.Optional(Type.String()) })

export function registerOAuthAuthorizationRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/oauth/authorization',
    {
      schema: { tags: ['kith'], querystring: Query, response: { 200: Authorization } },
      config: { auth: 'session' },
    },
    async (req) => {
      const q = req.query
      const checked = await checkAuthorizationRequest(ctx, {
        clientId: q.client_id,
        redirectUri: q.redirect_uri,
        responseType: q.response_type,
        scope: q.scope,
        codeChallenge: q.code_challenge,
        codeChallengeMethod: q.code_challenge_method,
      })
      return {
        app: { name: checked.app.name, website: checked.app.website },
        scopes: checked.scopes,
        redirect_uri: checked.redirectUri,
      }
    },
  )

  api.post(
    '/api/kith/v1/oauth/authorization',
    {
      schema: { tags: ['kith'], body: Body, response: { 200: Decision } },
      config: { auth: 'session', rateLimit: { max: 60, timeWindow: '5 minutes' } },
    },
    async (req) => {
      const b = req.body
      const decision = await decideAuthorization(ctx, req.viewer!.user.id, {
        clientId: b.client_id,
        redirectUri: b.redirect_uri,
        scope: b.scope,
        state: b.state,
        codeChallenge: b.code_challenge,
        codeChallengeMethod: b.code_challenge_method,
        approve: b.approve,
      })
      return { redirect_to: decision.redirectTo, ...(decision.code ? { code: decision.code } : {}) }
    },
  )
}
