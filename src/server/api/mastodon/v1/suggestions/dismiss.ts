// DELETE /api/v1/suggestions/:id
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { dismissSuggestion } from '../../../../domain/graph/suggestions.ts'
import type { Api } from '../../../types.ts'
import { IdParams } from '../accounts/account-lists.ts'

export function registerDismissSuggestionRoutes(api: Api, ctx: AppContext): void {
  api.delete(
    '/api/v1/suggestions/:id',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Never suggest this account again',
        params: IdParams,
        response: { 200: Type.Object({}) },
      },
      config: { auth: 'user', scopes: ['read', 'write:accounts'] },
    },
    async (req) => {
      await dismissSuggestion(ctx, req.viewer!.account, req.params.id)
      return {}
    },
  )
}
