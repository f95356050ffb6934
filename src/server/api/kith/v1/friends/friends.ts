// GET /api/kith/v1/friends and DELETE /api/kith/v1/friends/:id (unfriend). docs/api-kith-friends.md
import { Type } from 'typebox'
import { Friend, Relationship } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { listFriends, unfriend } from '../../../../domain/graph/friends.ts'
import { countMutualFriendsWith } from '../../../../domain/graph/relationships.ts'
import { AppError } from '../../../../errors.ts'
import { PageQuery, setLinkHeader } from '../../../mastodon/paging.ts'
import { presentAccounts } from '../../../mastodon/present/accounts.ts'
import { presentRelationship } from '../../../mastodon/present/relationships.ts'
import { IdParams, readAccountPage } from '../../../mastodon/v1/accounts/account-lists.ts'
import type { Api } from '../../../types.ts'

export function registerFriendsRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/friends',
    {
      schema: {
        tags: ['kith'],
        summary:
          'A friends list, newest friendship first: one’s own, or `account_id`’s as its friends_visibility allows',
        querystring: Type.Object({
          ...PageQuery,
          account_id: Type.Optional(Type.String({ maxLength: 40 })),
          q: Type.Optional(Type.String({ maxLength: 100, description: 'Filter by username or display name' })),
        }),
        response: { 200: Type.Array(Friend) },
      },
      config: { auth: 'optional', scopes: ['read:follows'] },
    },
    async (req, reply) => {
      const viewerId = req.viewer?.account.id ?? null
      const ownerId = req.query.account_id ?? viewerId
      if (!ownerId) throw new AppError('unauthorized', 'Sign in, or name an account_id')
      const entries = await listFriends(ctx, viewerId, ownerId, { page: readAccountPage(req.query), q: req.query.q })
      const ids = entries.map((e) => e.account.id)
      const [accounts, mutual] = await Promise.all([
        presentAccounts(
          ctx,
          req.viewer,
          entries.map((e) => e.account),
        ),
        countMutualFriendsWith(ctx, viewerId, ids),
      ])
      setLinkHeader(ctx, req, reply, { first: entries[0]?.edge_id, last: entries.at(-1)?.edge_id })
      return accounts.map((account, i) => ({
        account,
        created_at: entries[i]!.edge_created_at,
        mutual_friends_count: mutual.get(account.id) ?? 0,
      }))
    },
  )

  api.delete(
    '/api/kith/v1/friends/:id',
    {
      schema: {
        tags: ['kith'],
        summary: 'Unfriend: ends the friendship and both follows',
        params: IdParams,
        response: { 200: Relationship },
      },
      config: { auth: 'user', scopes: ['write:follows'] },
    },
    async (req) => {
      const friend = await unfriend(ctx, req.viewer!.account, req.params.id)
      return presentRelationship(ctx, req.viewer!, friend.id)
    },
  )
}
