// DELETE /api/v1/profile/avatar and /api/v1/profile/header (Mastodon 4.2): back to the default picture.
import { CredentialAccount } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { removeProfileImage } from '../../../../domain/profiles/update-profile.ts'
import type { Api } from '../../../types.ts'
import { presentCredentialAccount } from '../../present/accounts.ts'

export function registerProfileImageRoutes(api: Api, ctx: AppContext): void {
  for (const kind of ['avatar', 'header'] as const) {
    api.delete(
      `/api/v1/profile/${kind}`,
      {
        schema: { tags: ['mastodon'], summary: `Remove the ${kind}`, response: { 200: CredentialAccount } },
        config: { auth: 'user', scopes: ['write:accounts'] },
      },
      async (req) => {
        const account = await removeProfileImage(ctx, req.viewer!.account.id, kind)
        return presentCredentialAccount(ctx, req.viewer!, account)
      },
    )
  }
}
