// GET /api/v1/favourites: every post the viewer reacted to (any reaction is a favourite), paged by
// reaction id, newest first (https://docs.joinmastodon.org/methods/favourites/)
import { Type } from 'typebox'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { listFavourites } from '../../../../domain/posts/reactions.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentStatuses } from '../../present/statuses.ts'

export function registerFavouritesRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/favourites',
    {
      schema: {
        tags: ['favourites'],
        querystring: Type.Object({ ...PageQuery }),
        response: { 200: Type.Array(Status) },
      },
      config: { auth: 'user', scopes: ['read:favourites'] },
    },
    async (req, reply) => {
      const rows = await listFavourites(ctx, req.viewer!, readPage(req.query))
      setLinkHeader(ctx, req, reply, { first: rows[0]?.cursor, last: rows.at(-1)?.cursor })
      return presentStatuses(
        ctx,
        req.viewer,
        rows.map((r) => r.post),
      )
    },
  )
}
