// PUT/DELETE /api/kith/v1/statuses/:id/reaction, GET /api/kith/v1/statuses/:id/reactions
// Kith's reactions beyond Mastodon's favourite (docs/api-kith-posts.md).
import { Type } from 'typebox'
import { Reaction } from '#shared/kith-posts.ts'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { listReactions, reactToPost, removeReaction } from '../../../../domain/posts/reactions.ts'
import { PageQuery, readPage, setLinkHeader } from '../../../mastodon/paging.ts'
import { presentStatus } from '../../../mastodon/present/statuses.ts'
import { presentAccountsOf } from '../../../mastodon/v1/statuses/interacted-by.ts'
import { StatusParams } from '../../../mastodon/v1/statuses/show.ts'
import type { Api } from '../../../types.ts'

// Any short word: a kind outside the set is refused by the domain with 422, not by the schema with 400.
const Kind = Type.String({ minLength: 1, maxLength: 20 })

export function registerKithReactionRoutes(api: Api, ctx: AppContext): void {
  api.put(
    '/api/kith/v1/statuses/:id/reaction',
    {
      schema: { tags: ['kith'], params: StatusParams, body: Type.Object({ kind: Kind }), response: { 200: Status } },
      config: { auth: 'user', scopes: ['write:favourites'] },
    },
    async (req) => presentStatus(ctx, req.viewer, await reactToPost(ctx, req.viewer!, req.params.id, req.body.kind)),
  )
  api.delete(
    '/api/kith/v1/statuses/:id/reaction',
    {
      schema: { tags: ['kith'], params: StatusParams, response: { 200: Status } },
      config: { auth: 'user', scopes: ['write:favourites'] },
    },
    async (req) => presentStatus(ctx, req.viewer, await removeReaction(ctx, req.viewer!, req.params.id)),
  )
  api.get(
    '/api/kith/v1/statuses/:id/reactions',
    {
      schema: {
        tags: ['kith'],
        params: StatusParams,
        querystring: Type.Object({ ...PageQuery, kind: Type.Optional(Kind) }),
        response: { 200: Type.Array(Reaction) },
      },
      config: { auth: 'optional', scopes: ['read:statuses'] },
    },
    async (req, reply) => {
      const page = readPage(req.query, { limit: 40, max: 80 })
      const viewerId = req.viewer?.account.id ?? null
      const rows = await listReactions(ctx, viewerId, req.params.id, req.query.kind ?? null, page)
      setLinkHeader(ctx, req, reply, { first: rows[0]?.id, last: rows.at(-1)?.id })
      const accounts = await presentAccountsOf(ctx, req.viewer, rows)
      const byId = new Map(accounts.map((a) => [a.id, a]))
      return rows.flatMap((r) =>
        byId.has(r.account_id)
          ? [{ id: r.id, kind: r.kind, created_at: r.created_at, account: byId.get(r.account_id)! }]
          : [],
      )
    },
  )
}
