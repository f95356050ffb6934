// The viewer's relationship with each of a set of accounts (Mastodon's Relationship, plus friends).
import type { AppContext } from '../../context.ts'
import { findAccountsByIds } from '../profiles/profiles-store.ts'
import { findRelationshipEdges } from './relationships-store.ts'
import { countVisibleMutualFriends } from './suggestions-store.ts'

export type Relationship = {
  id: string
  following: boolean
  showing_reblogs: boolean
  notifying: boolean
  followed_by: boolean
  blocking: boolean
  blocked_by: boolean
  muting: boolean
  muting_notifications: boolean
  requested: boolean
  requested_by: boolean
  friends: boolean
  friend_request_sent: boolean
  friend_request_received: boolean
}

/**
 * One per existing account in `ids`, in the order asked, each once; unknown ids are skipped, as
 * Mastodon does. A block is reported truthfully both ways (`blocking`, `blocked_by`).
 */
export async function findRelationships(
  ctx: AppContext,
  viewerId: string,
  ids: readonly string[],
): Promise<Relationship[]> {
  const wanted = [...new Set(ids)]
  const existing = new Set((await findAccountsByIds(ctx.db, wanted)).map((a) => a.id))
  const found = wanted.filter((id) => existing.has(id))
  const e = await findRelationshipEdges(ctx.db, viewerId, found, ctx.clock.now().toISOString())
  return found.map((id) => {
    const follow = e.following.get(id) ?? e.requested.get(id)
    const mute = e.muting.get(id)
    return {
      id,
      following: e.following.has(id),
      showing_reblogs: follow ? follow.show_reblogs === 1 : false,
      notifying: follow ? follow.notify === 1 : false,
      followed_by: e.followedBy.has(id),
      blocking: e.blocking.has(id),
      blocked_by: e.blockedBy.has(id),
      muting: mute !== undefined,
      muting_notifications: mute?.hide_notifications === 1,
      requested: e.requested.has(id),
      requested_by: e.requestedBy.has(id),
      friends: e.friends.has(id),
      friend_request_sent: e.friendRequestSent.has(id),
      friend_request_received: e.friendRequestReceived.has(id),
    }
  })
}

/** Mutual friends the viewer may be shown, per account (see suggestions-store for the rule). */
export async function countMutualFriendsWith(
  ctx: AppContext,
  viewerId: string | null,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (!viewerId) return new Map()
  return countVisibleMutualFriends(ctx.db, viewerId, ids)
}
