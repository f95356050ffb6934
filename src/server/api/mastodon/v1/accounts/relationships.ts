// GET /api/v1/accounts/relationships?id[]=…
import { Type } from 'typebox'
import { Relationship } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import type { Api } from '../../../types.ts'
import { presentRelationships } from '../../present/relationships.ts'

export function registerRelationshipsRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/accounts/relationships',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'The viewer’s relationship with each account (unknown ids are left out)',
        querystring: Type.Object({
          id: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 80, default: [] }),
          with_suspended: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Array(Relationship) },
      },
      config: { auth: 'user', scopes: ['read:follows'] },
    },
    async (req) => presentRelationships(ctx, req.viewer!, req.query.id),
  )
}
