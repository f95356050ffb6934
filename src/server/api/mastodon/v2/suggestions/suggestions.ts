// GET /api/v2/suggestions: whom to follow. Kith suggests friends of friends, most shared friends first.
import { Type } from 'typebox'
import { Suggestion } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { suggestPeople } from '../../../../domain/graph/suggestions.ts'
import type { Api } from '../../../types.ts'
import { presentAccounts } from '../../present/accounts.ts'

export function registerSuggestionsRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v2/suggestions',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Follow suggestions: friends of friends the viewer does not follow yet',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 80, default: 40 })) }),
        response: { 200: Type.Array(Suggestion) },
      },
      config: { auth: 'user', scopes: ['read:accounts'] },
    },
    async (req) => {
      const found = await suggestPeople(ctx, req.viewer!.account, { limit: req.query.limit ?? 40, purpose: 'follow' })
      const accounts = await presentAccounts(
        ctx,
        req.viewer,
        found.map((s) => s.account),
      )
      // Mastodon's legacy `source` for friends_of_friends is past_interactions.
      return accounts.map((account) => ({
        source: 'past_interactions' as const,
        sources: ['friends_of_friends' as const],
        account,
      }))
    },
  )
}
