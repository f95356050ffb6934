// POST /api/v1/apps and GET /api/v1/apps/verify_credentials
import { Type } from 'typebox'
import { Application, CredentialApplication, Nullable } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../context.ts'
import { createApp, findApp } from '../../../domain/oauth/apps.ts'
import { AppError } from '../../../errors.ts'
import type { Api } from '../../types.ts'
import { acceptFormFields } from '../form-data.ts'
import { presentApplication, presentCredentialApplication } from '../present/applications.ts'

// Generous caps here; the domain answers 422 with the exact rule (name ≤ 60, URI ≤ 2000 …).
const Body = Type.Object({
  client_name: Type.String({ maxLength: 200 }),
  redirect_uris: Type.Union([
    Type.String({ maxLength: 20_000 }),
    Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 20 }),
  ]),
  scopes: Type.Optional(Type.String({ maxLength: 2000 })),
  website: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
})

export function registerAppRoutes(api: Api, ctx: AppContext): void {
  api.register(async (scope: Api) => {
    acceptFormFields(scope)
    scope.post(
      '/api/v1/apps',
      {
        schema: { tags: ['mastodon'], body: Body, response: { 200: CredentialApplication } },
        config: { rateLimit: { max: 30, timeWindow: '5 minutes' } },
      },
      async (req) => {
        const app = await createApp(ctx, {
          name: req.body.client_name,
          redirectUris: req.body.redirect_uris,
          scopes: req.body.scopes,
          website: req.body.website,
        })
        return presentCredentialApplication(app)
      },
    )
  })

  api.get(
    '/api/v1/apps/verify_credentials',
    { schema: { tags: ['mastodon'], response: { 200: Application } }, config: { auth: 'app' } },
    async (req) => {
      const app = req.oauthToken?.app_id ? await findApp(ctx, req.oauthToken.app_id) : undefined
      if (!app) throw new AppError('unauthorized', 'This method needs a token issued to an app')
      return presentApplication(app)
    },
  )
}
