// POST /api/v1/accounts/:id/block and /unblock
import { Relationship } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { blockAccount, unblockAccount } from '../../../../domain/graph/block.ts'
import type { Api } from '../../../types.ts'
import { presentRelationship } from '../../present/relationships.ts'
import { IdParams } from './account-lists.ts'

export function registerBlockRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/accounts/:id/block',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Block: removes friendship, follows and requests both ways; you stop seeing each other',
        params: IdParams,
        response: { 200: Relationship },
      },
      config: { auth: 'user', scopes: ['write:blocks'] },
    },
    async (req) => {
      const target = await blockAccount(ctx, req.viewer!.account, req.params.id)
      return presentRelationship(ctx, req.viewer!, target.id)
    },
  )

  api.post(
    '/api/v1/accounts/:id/unblock',
    {
      schema: { tags: ['mastodon'], summary: 'Unblock', params: IdParams, response: { 200: Relationship } },
      config: { auth: 'user', scopes: ['write:blocks'] },
    },
    async (req) => {
      const target = await unblockAccount(ctx, req.viewer!.account, req.params.id)
      return presentRelationship(ctx, req.viewer!, target.id)
    },
  )
}
