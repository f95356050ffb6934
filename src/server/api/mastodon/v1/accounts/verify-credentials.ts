// GET /api/v1/accounts/verify_credentials
import { CredentialAccount } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import type { Api } from '../../../types.ts'
import { presentCredentialAccount } from '../../present/accounts.ts'

export function registerVerifyCredentialsRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/accounts/verify_credentials',
    {
      schema: { tags: ['mastodon'], response: { 200: CredentialAccount } },
      // `profile` (Mastodon 4.3) grants exactly this endpoint.
      config: { auth: 'user', scopes: ['read:accounts', 'profile'] },
    },
    async (req) => presentCredentialAccount(ctx, req.viewer!),
  )
}
