// Every /api/v1/statuses… route module (and the timelines that list statuses).
import type { AppContext } from '../../../../context.ts'
import { registerKithReactionRoutes } from '../../../kith/v1/statuses/reactions.ts'
import { registerKithVisibilityRoutes } from '../../../kith/v1/statuses/visibility.ts'
import type { Api } from '../../../types.ts'
import { registerAccountStatusesRoutes } from '../accounts/statuses.ts'
import { registerBookmarksRoutes } from '../bookmarks/bookmarks.ts'
import { registerFavouritesRoutes } from '../favourites/favourites.ts'
import { registerMarkerRoutes } from '../markers/markers.ts'
import { registerPollRoutes } from '../polls/polls.ts'
import { registerTimelineRoutes } from '../timelines/timelines.ts'
import { registerBookmarkRoutes } from './bookmark.ts'
import { registerStatusCreateRoutes } from './create.ts'
import { registerStatusEditRoutes } from './edit.ts'
import { registerFavouriteRoutes } from './favourite.ts'
import { registerStatusHistoryRoutes } from './history.ts'
import { registerInteractedByRoutes } from './interacted-by.ts'
import { registerPinRoutes } from './pin.ts'
import { registerReblogRoutes } from './reblog.ts'
import { registerStatusShowRoutes } from './show.ts'

export function registerStatusesArea(api: Api, ctx: AppContext): void {
  registerStatusCreateRoutes(api, ctx)
  registerStatusShowRoutes(api, ctx)
  registerTimelineRoutes(api, ctx)
  registerAccountStatusesRoutes(api, ctx)

  // Interactions, edits, polls and read markers (docs/api-kith-posts.md for the Kith extensions)
  registerFavouriteRoutes(api, ctx)
  registerReblogRoutes(api, ctx)
  registerBookmarkRoutes(api, ctx)
  registerPinRoutes(api, ctx)
  registerInteractedByRoutes(api, ctx)
  registerStatusEditRoutes(api, ctx)
  registerStatusHistoryRoutes(api, ctx)
  registerBookmarksRoutes(api, ctx)
  registerFavouritesRoutes(api, ctx)
  registerPollRoutes(api, ctx)
  registerMarkerRoutes(api, ctx)
  registerKithReactionRoutes(api, ctx)
  registerKithVisibilityRoutes(api, ctx)
}
