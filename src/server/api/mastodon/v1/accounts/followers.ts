// GET /api/v1/accounts/:id/followers and /following
import { Type } from 'typebox'
import { Account } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { listFollows } from '../../../../domain/graph/follow.ts'
import type { Api } from '../../../types.ts'
import { PageQuery } from '../../paging.ts'
import { IdParams, presentAccountPage, readAccountPage } from './account-lists.ts'

export function registerFollowersRoutes(api: Api, ctx: AppContext): void {
  for (const [path, direction] of [
    ['followers', 'in'],
    ['following', 'out'],
  ] as const) {
    api.get(
      `/api/v1/accounts/:id/${path}`,
      {
        schema: {
          tags: ['mastodon'],
          summary:
            path === 'followers'
              ? 'Who follows this account (a locked account shows it to its followers only)'
              : 'Whom this account follows (a locked account shows it to its followers only)',
          params: IdParams,
          querystring: Type.Object(PageQuery),
          response: { 200: Type.Array(Account) },
        },
        config: { auth: 'optional', scopes: ['read:accounts'] },
      },
      async (req, reply) => {
        const viewerId = req.viewer?.account.id ?? null
        const entries = await listFollows(ctx, viewerId, req.params.id, direction, readAccountPage(req.query))
        return presentAccountPage(ctx, req, reply, entries)
      },
    )
  }
}
