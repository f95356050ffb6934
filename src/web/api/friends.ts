// Kith's friends (docs/api-kith-friends.md): mutual friendships made by request and acceptance.
// Paths take the other person's account id; actions answer with the Relationship afterwards.
import type { Friend, FriendRequest, FriendSuggestion, Relationship } from '#shared/mastodon-entities.ts'
import { mastodonFetch, mastodonPage, type Page } from './mastodon-fetch.ts'

export type { Friend, FriendRequest, FriendSuggestion }

const BASE = '/api/kith/v1'
const enc = encodeURIComponent

/** Your friends, or `account_id`'s; `q` filters by name. `403 friends_hidden` when the list is private. */
export function listFriends(params: { account_id?: string; q?: string; max_id?: string; limit?: number } = {}) {
  return mastodonPage<Friend>(`${BASE}/friends`, params)
}

export function unfriend(id: string): Promise<Relationship> {
  return mastodonFetch(`${BASE}/friends/${enc(id)}`, { method: 'DELETE' })
}

export function listFriendRequests(
  direction: 'incoming' | 'outgoing',
  params: { max_id?: string; limit?: number } = {},
): Promise<Page<FriendRequest>> {
  return mastodonPage(`${BASE}/friend_requests`, { direction, ...params })
}

/** Sends a request; if they had already asked you, you become friends at once. */
export function sendFriendRequest(id: string): Promise<Relationship> {
  return mastodonFetch(`${BASE}/accounts/${enc(id)}/friend_request`, { method: 'POST', body: {} })
}

export function cancelFriendRequest(id: string): Promise<Relationship> {
  return mastodonFetch(`${BASE}/accounts/${enc(id)}/friend_request`, { method: 'DELETE' })
}

export function acceptFriendRequest(id: string): Promise<Relationship> {
  return mastodonFetch(`${BASE}/friend_requests/${enc(id)}/accept`, { method: 'POST', body: {} })
}

/** They are not told. */
export function declineFriendRequest(id: string): Promise<Relationship> {
  return mastodonFetch(`${BASE}/friend_requests/${enc(id)}/decline`, { method: 'POST', body: {} })
}

export function listFriendSuggestions(limit = 20): Promise<FriendSuggestion[]> {
  return mastodonFetch(`${BASE}/suggestions`, { query: { limit } })
}

/** Never suggest this person again. */
export function dismissFriendSuggestion(id: string): Promise<void> {
  return mastodonFetch(`${BASE}/suggestions/${enc(id)}`, { method: 'DELETE' })
}
