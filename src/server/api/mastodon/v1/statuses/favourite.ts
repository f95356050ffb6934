// POST /api/v1/statuses/:id/favourite, POST /api/v1/statuses/:id/unfavourite
// Like is Kith's favourite; any other reaction counts as favourited too (docs/api-kith-posts.md).
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { favouritePost, removeReaction } from '../../../../domain/posts/reactions.ts'
import type { Api } from '../../../types.ts'
import { presentStatus } from '../../present/statuses.ts'
import { StatusParams } from './show.ts'

export function registerFavouriteRoutes(api: Api, ctx: AppContext): void {
  const options = {
    schema: { tags: ['statuses'], params: StatusParams, response: { 200: Status } },
    config: { auth: 'user' as const, scopes: ['write:favourites'] },
  }
  api.post('/api/v1/statuses/:id/favourite', options, async (req) =>
    presentStatus(ctx, req.viewer, await favouritePost(ctx, req.viewer!, req.params.id)),
  )
  api.post('/api/v1/statuses/:id/unfavourite', options, async (req) =>
    presentStatus(ctx, req.viewer, await removeReaction(ctx, req.viewer!, req.params.id)),
  )
}
