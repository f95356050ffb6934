// Every route module for profiles and the social graph: the Mastodon endpoints and Kith's friends
// (docs/api-kith-friends.md).
import type { AppContext } from '../../../../context.ts'
import { registerFriendRequestRoutes } from '../../../kith/v1/friends/friend-requests.ts'
import { registerFriendsRoutes } from '../../../kith/v1/friends/friends.ts'
import { registerFriendSuggestionRoutes } from '../../../kith/v1/friends/suggestions.ts'
import type { Api } from '../../../types.ts'
import { registerSuggestionsRoutes } from '../../v2/suggestions/suggestions.ts'
import { registerBlocksRoutes } from '../blocks/blocks.ts'
import { registerFollowRequestRoutes } from '../follow_requests/follow-requests.ts'
import { registerMutesRoutes } from '../mutes/mutes.ts'
import { registerProfileImageRoutes } from '../profile/images.ts'
import { registerDismissSuggestionRoutes } from '../suggestions/dismiss.ts'
import { registerBlockRoutes } from './block.ts'
import { registerFollowRoutes } from './follow.ts'
import { registerFollowersRoutes } from './followers.ts'
import { registerMuteRoutes } from './mute.ts'
import { registerRelationshipsRoutes } from './relationships.ts'
import { registerAccountShowRoutes } from './show.ts'
import { registerUpdateCredentialsRoutes } from './update-credentials.ts'

export function registerProfilesArea(api: Api, ctx: AppContext): void {
  registerAccountShowRoutes(api, ctx)
  registerRelationshipsRoutes(api, ctx)
  registerUpdateCredentialsRoutes(api, ctx)
  registerProfileImageRoutes(api, ctx)
  registerFollowRoutes(api, ctx)
  registerFollowersRoutes(api, ctx)
  registerFollowRequestRoutes(api, ctx)
  registerBlockRoutes(api, ctx)
  registerBlocksRoutes(api, ctx)
  registerMuteRoutes(api, ctx)
  registerMutesRoutes(api, ctx)
  registerSuggestionsRoutes(api, ctx)
  registerDismissSuggestionRoutes(api, ctx)
  registerFriendsRoutes(api, ctx)
  registerFriendRequestRoutes(api, ctx)
  registerFriendSuggestionRoutes(api, ctx)
}
