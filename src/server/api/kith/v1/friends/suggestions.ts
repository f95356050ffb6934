// GET /api/kith/v1/suggestions (people you may know) and DELETE /api/kith/v1/suggestions/:id.
import { Type } from 'typebox'
import { FriendSuggestion } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { dismissSuggestion, suggestPeople } from '../../../../domain/graph/suggestions.ts'
import { presentAccounts } from '../../../mastodon/present/accounts.ts'
import { IdParams } from '../../../mastodon/v1/accounts/account-lists.ts'
import type { Api } from '../../../types.ts'

const SAMPLE = 3

export function registerFriendSuggestionRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/suggestions',
    {
      schema: {
        tags: ['kith'],
        summary: 'People you may know: friends of friends, most mutual friends first, with a few of them',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 40, default: 20 })) }),
        response: { 200: Type.Array(FriendSuggestion) },
      },
      config: { auth: 'user', scopes: ['read:follows'] },
    },
    async (req) => {
      const found = await suggestPeople(ctx, req.viewer!.account, {
        limit: req.query.limit ?? 20,
        purpose: 'friends',
        sampleSize: SAMPLE,
      })
      // One presenter call for the people and their mutual friends together.
      const rows = [...found.map((s) => s.account), ...found.flatMap((s) => s.mutualFriends)]
      const presented = await presentAccounts(ctx, req.viewer, rows)
      const byId = new Map(presented.map((a) => [a.id, a]))
      return found.map((s) => ({
        account: byId.get(s.account.id)!,
        mutual_friends_count: s.mutualFriendsCount,
        mutual_friends: s.mutualFriends.map((m) => byId.get(m.id)!),
      }))
    },
  )

  api.delete(
    '/api/kith/v1/suggestions/:id',
    {
      schema: {
        tags: ['kith'],
        summary: 'Never suggest this person again',
        params: IdParams,
        response: { 200: Type.Object({}) },
      },
      config: { auth: 'user', scopes: ['write:follows'] },
    },
    async (req) => {
      await dismissSuggestion(ctx, req.viewer!.account, req.params.id)
      return {}
    },
  )
}
