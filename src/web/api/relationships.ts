// The viewer's relationship with other accounts, and the Mastodon actions that change it.
// Every action answers with the Relationship as it stands afterwards.
import type { Relationship } from '#shared/mastodon-entities.ts'
import { mastodonFetch } from './mastodon-fetch.ts'

export type { Relationship }

const enc = encodeURIComponent

/** One Relationship per known id, in the order asked. */
export function getRelationships(ids: string[]): Promise<Relationship[]> {
  const qs = ids.map((id) => `id[]=${enc(id)}`).join('&')
  return mastodonFetch(`/api/v1/accounts/relationships?${qs}`)
}

const act =
  (verb: string) =>
  (id: string, body: Record<string, unknown> = {}): Promise<Relationship> =>
    mastodonFetch(`/api/v1/accounts/${enc(id)}/${verb}`, { method: 'POST', body })

/** Follows, or asks to when the account is locked (`requested` turns true). */
export const follow = act('follow')
/** Unfollows, or withdraws a pending follow request. Leaves a friendship in place. */
export const unfollow = act('unfollow')
/** Ends everything between the two of you: friendship, follows and requests, both ways. */
export const block = act('block')
export const unblock = act('unblock')
export const unmute = act('unmute')

/** `duration` in seconds, 0 for "until I unmute". */
export function mute(id: string, options: { duration: number; notifications: boolean }): Promise<Relationship> {
  return mastodonFetch(`/api/v1/accounts/${enc(id)}/mute`, { method: 'POST', body: options })
}

export function authorizeFollowRequest(id: string): Promise<Relationship> {
  return mastodonFetch(`/api/v1/follow_requests/${enc(id)}/authorize`, { method: 'POST', body: {} })
}

export function rejectFollowRequest(id: string): Promise<Relationship> {
  return mastodonFetch(`/api/v1/follow_requests/${enc(id)}/reject`, { method: 'POST', body: {} })
}
