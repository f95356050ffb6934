// Accounts (Mastodon): profiles, the signed-in person's own account and its edits, and the
// account lists (followers, following, blocks, mutes, follow requests). Docs: docs/api-kith-friends.md.
import type { Account, CredentialAccount } from '#shared/mastodon-entities.ts'
import { ApiError } from './client.ts'
import { csrfHeaders, mastodonFetch, mastodonPage, type Page, readErrorBody } from './mastodon-fetch.ts'

export type { Account, CredentialAccount }

export type ListParams = { max_id?: string; limit?: number }

const enc = encodeURIComponent

/** `404` when the account is unknown, blocks the viewer, or is members-only and the viewer is signed out. */
export function lookupAccount(acct: string): Promise<Account> {
  return mastodonFetch('/api/v1/accounts/lookup', { query: { acct } })
}

export function getAccount(id: string): Promise<Account> {
  return mastodonFetch(`/api/v1/accounts/${enc(id)}`)
}

export function verifyCredentials(): Promise<CredentialAccount> {
  return mastodonFetch('/api/v1/accounts/verify_credentials')
}

export type ProfileChanges = {
  display_name?: string
  note?: string
  locked?: boolean
  discoverable?: boolean
  fields_attributes?: { name: string; value: string }[]
  location?: string
  website?: string
  birthday?: string
  birthday_visibility?: CredentialAccount['source']['birthday_visibility']
  profile_visibility?: CredentialAccount['source']['profile_visibility']
  friend_requests_from?: CredentialAccount['source']['friend_requests_from']
  friends_visibility?: CredentialAccount['source']['friends_visibility']
}

export function updateCredentials(changes: ProfileChanges): Promise<CredentialAccount> {
  return mastodonFetch('/api/v1/accounts/update_credentials', { method: 'PATCH', body: changes })
}

/** Uploads a new avatar or cover photo (multipart); the server re-encodes and resizes it. */
export async function uploadProfileImage(kind: 'avatar' | 'header', image: Blob): Promise<CredentialAccount> {
  const form = new FormData()
  form.append(kind, image, `${kind}.${image.type === 'image/png' ? 'png' : 'jpg'}`)
  const send = () =>
    fetch('/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      headers: { Accept: 'application/json', ...csrfHeaders() },
      body: form,
      credentials: 'same-origin',
    }).catch(() => {
      throw new ApiError(0, {})
    })
  let res = await send()
  // NOTE: as in mastodonFetch, the very first write may race the CSRF cookie; one retry covers it.
  if (res.status === 403) {
    const body = await readErrorBody(res)
    if (body.error_code !== 'csrf') throw new ApiError(res.status, body)
    res = await send()
  }
  if (!res.ok) throw new ApiError(res.status, await readErrorBody(res))
  return res.json()
}

/** Puts the default picture back. */
export function removeProfileImage(kind: 'avatar' | 'header'): Promise<CredentialAccount> {
  return mastodonFetch(`/api/v1/profile/${kind}`, { method: 'DELETE' })
}

export function listFollowers(id: string, params: ListParams = {}): Promise<Page<Account>> {
  return mastodonPage(`/api/v1/accounts/${enc(id)}/followers`, params)
}

export function listFollowing(id: string, params: ListParams = {}): Promise<Page<Account>> {
  return mastodonPage(`/api/v1/accounts/${enc(id)}/following`, params)
}

export function listBlocks(params: ListParams = {}): Promise<Page<Account>> {
  return mastodonPage('/api/v1/blocks', params)
}

/** Active mutes; each account carries `mute_expires_at` (null: until you unmute). */
export function listMutes(params: ListParams = {}): Promise<Page<Account>> {
  return mastodonPage('/api/v1/mutes', params)
}

export function listFollowRequests(params: ListParams = {}): Promise<Page<Account>> {
  return mastodonPage('/api/v1/follow_requests', params)
}
