// GET /api/v1/blocks
import { Type } from 'typebox'
import { Account } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { listBlocks } from '../../../../domain/graph/block.ts'
import type { Api } from '../../../types.ts'
import { PageQuery } from '../../paging.ts'
import { presentAccountPage, readAccountPage } from '../accounts/account-lists.ts'

export function registerBlocksRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/blocks',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Accounts the viewer blocks',
        querystring: Type.Object(PageQuery),
        response: { 200: Type.Array(Account) },
      },
      config: { auth: 'user', scopes: ['read:blocks'] },
    },
    async (req, reply) => {
      const entries = await listBlocks(ctx, req.viewer!.account, readAccountPage(req.query))
      return presentAccountPage(ctx, req, reply, entries)
    },
  )
}
