// GET /api/v1/bookmarks: paged by bookmark id, newest first (https://docs.joinmastodon.org/methods/bookmarks/)
import { Type } from 'typebox'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { listBookmarks } from '../../../../domain/posts/bookmarks.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentStatuses } from '../../present/statuses.ts'

export function registerBookmarksRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/bookmarks',
    {
      schema: {
        tags: ['bookmarks'],
        querystring: Type.Object({ ...PageQuery }),
        response: { 200: Type.Array(Status) },
      },
      config: { auth: 'user', scopes: ['read:bookmarks'] },
    },
    async (req, reply) => {
      const rows = await listBookmarks(ctx, req.viewer!, readPage(req.query))
      setLinkHeader(ctx, req, reply, { first: rows[0]?.cursor, last: rows.at(-1)?.cursor })
      return presentStatuses(
        ctx,
        req.viewer,
        rows.map((r) => r.post),
      )
    },
  )
}
