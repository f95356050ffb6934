// POST /api/v1/statuses/:id/bookmark, POST /api/v1/statuses/:id/unbookmark
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { bookmarkPost, unbookmarkPost } from '../../../../domain/posts/bookmarks.ts'
import type { Api } from '../../../types.ts'
import { presentStatus } from '../../present/statuses.ts'
import { StatusParams } from './show.ts'

export function registerBookmarkRoutes(api: Api, ctx: AppContext): void {
  const options = {
    schema: { tags: ['statuses'], params: StatusParams, response: { 200: Status } },
    config: { auth: 'user' as const, scopes: ['write:bookmarks'] },
  }
  api.post('/api/v1/statuses/:id/bookmark', options, async (req) =>
    presentStatus(ctx, req.viewer, await bookmarkPost(ctx, req.viewer!, req.params.id)),
  )
  api.post('/api/v1/statuses/:id/unbookmark', options, async (req) =>
    presentStatus(ctx, req.viewer, await unbookmarkPost(ctx, req.viewer!, req.params.id)),
  )
}
