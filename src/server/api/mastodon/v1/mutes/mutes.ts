// GET /api/v1/mutes
import { Type } from 'typebox'
import { Account } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { listMutes } from '../../../../domain/graph/mute.ts'
import type { Api } from '../../../types.ts'
import { PageQuery } from '../../paging.ts'
import { presentAccountPage, readAccountPage } from '../accounts/account-lists.ts'

export function registerMutesRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/mutes',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Accounts the viewer mutes (expired mutes are left out), with `mute_expires_at`',
        querystring: Type.Object(PageQuery),
        response: { 200: Type.Array(Account) },
      },
      config: { auth: 'user', scopes: ['read:mutes'] },
    },
    async (req, reply) => {
      const entries = await listMutes(ctx, req.viewer!.account, readAccountPage(req.query))
      const accounts = await presentAccountPage(ctx, req, reply, entries)
      return accounts.map((a, i) => ({ ...a, mute_expires_at: entries[i]!.expires_at }))
    },
  )
}
