// Friend requests: GET /api/kith/v1/friend_requests, POST|DELETE /api/kith/v1/accounts/:id/friend_request,
// POST /api/kith/v1/friend_requests/:id/accept|decline (`:id` is the other person's account id).
import { Type } from 'typebox'
import { FriendRequest, Relationship } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import {
  acceptFriendRequest,
  cancelFriendRequest,
  declineFriendRequest,
  listFriendRequests,
  sendFriendRequest,
} from '../../../../domain/graph/friends.ts'
import { countMutualFriendsWith } from '../../../../domain/graph/relationships.ts'
import { PageQuery, setLinkHeader } from '../../../mastodon/paging.ts'
import { presentAccounts } from '../../../mastodon/present/accounts.ts'
import { presentRelationship } from '../../../mastodon/present/relationships.ts'
import { IdParams, readAccountPage } from '../../../mastodon/v1/accounts/account-lists.ts'
import type { Api, RouteAuth } from '../../../types.ts'

const write: RouteAuth = { auth: 'user', scopes: ['write:follows'] }

export function registerFriendRequestRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/friend_requests',
    {
      schema: {
        tags: ['kith'],
        summary: 'Pending friend requests to the viewer (incoming, the default) or from them (outgoing)',
        querystring: Type.Object({
          ...PageQuery,
          direction: Type.Optional(Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')])),
        }),
        response: { 200: Type.Array(FriendRequest) },
      },
      config: { auth: 'user', scopes: ['read:follows'] },
    },
    async (req, reply) => {
      const me = req.viewer!.account
      const entries = await listFriendRequests(ctx, me, req.query.direction ?? 'incoming', readAccountPage(req.query))
      const [accounts, mutual] = await Promise.all([
        presentAccounts(
          ctx,
          req.viewer,
          entries.map((e) => e.account),
        ),
        countMutualFriendsWith(
          ctx,
          me.id,
          entries.map((e) => e.account.id),
        ),
      ])
      setLinkHeader(ctx, req, reply, { first: entries[0]?.edge_id, last: entries.at(-1)?.edge_id })
      return accounts.map((account, i) => ({
        account,
        created_at: entries[i]!.edge_created_at,
        mutual_friends_count: mutual.get(account.id) ?? 0,
      }))
    },
  )

  api.post(
    '/api/kith/v1/accounts/:id/friend_request',
    {
      schema: {
        tags: ['kith'],
        summary: 'Send a friend request; if they already asked, you are friends at once',
        params: IdParams,
        response: { 200: Relationship },
      },
      config: write,
    },
    async (req) => {
      const { target } = await sendFriendRequest(ctx, req.viewer!.account, req.params.id)
      return presentRelationship(ctx, req.viewer!, target.id)
    },
  )

  api.delete(
    '/api/kith/v1/accounts/:id/friend_request',
    {
      schema: {
        tags: ['kith'],
        summary: 'Cancel a sent friend request',
        params: IdParams,
        response: { 200: Relationship },
      },
      config: write,
    },
    async (req) => {
      const target = await cancelFriendRequest(ctx, req.viewer!.account, req.params.id)
      return presentRelationship(ctx, req.viewer!, target.id)
    },
  )

  for (const [action, run, summary] of [
    ['accept', acceptFriendRequest, 'Accept: you become friends and follow each other'],
    ['decline', declineFriendRequest, 'Decline (they are not told)'],
  ] as const) {
    api.post(
      `/api/kith/v1/friend_requests/:id/${action}`,
      { schema: { tags: ['kith'], summary, params: IdParams, response: { 200: Relationship } }, config: write },
      async (req) => {
        const requester = await run(ctx, req.viewer!.account, req.params.id)
        return presentRelationship(ctx, req.viewer!, requester.id)
      },
    )
  }
}
