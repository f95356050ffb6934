// Statuses (Mastodon) and Kith's post extensions: reactions and changing a post's audience.
import type { Account } from '#shared/mastodon-entities.ts'
import type { KithVisibility, ReactionKind, Status } from '#shared/mastodon-statuses.ts'
import { mastodonFetch, mastodonPage, type Page } from './mastodon-fetch.ts'

export type { KithVisibility, ReactionKind, Status }

/** The six reactions, in the order the picker shows them (mirrors REACTIONS in #shared). */
export const reactionKinds: readonly ReactionKind[] = ['like', 'love', 'haha', 'wow', 'sad', 'angry']

export type NewStatus = {
  status: string
  visibility: KithVisibility
  spoiler_text?: string
  sensitive?: boolean
  in_reply_to_id?: string
  quoted_status_id?: string
  media_ids?: string[]
  poll?: { options: string[]; expires_in: number; multiple: boolean }
  language?: string
}

/** An edit replaces text, warning, photos and poll as a whole: send the ones to keep. */
export type StatusEdit = {
  status: string
  spoiler_text?: string
  sensitive?: boolean
  media_ids?: string[]
  poll?: { options: string[]; expires_in: number; multiple: boolean }
}

export type StatusContext = { ancestors: Status[]; descendants: Status[] }

export type StatusSource = { id: string; text: string; spoiler_text: string }

export type StatusEditEntry = {
  content: string
  spoiler_text: string
  sensitive: boolean
  created_at: string
  account: Account
}

/** Who reacted how. The server may answer `{account, name}` entries or bare accounts (see readReactions). */
export type Reactor = { account: Account; kind: ReactionKind | null }

const base = '/api/v1/statuses'
const kith = '/api/kith/v1/statuses'
const enc = encodeURIComponent

export function createStatus(input: NewStatus, idempotencyKey: string): Promise<Status> {
  return mastodonFetch(base, { method: 'POST', body: input, headers: { 'Idempotency-Key': idempotencyKey } })
}

export function getStatus(id: string): Promise<Status> {
  return mastodonFetch(`${base}/${enc(id)}`)
}

export function deleteStatus(id: string): Promise<Status> {
  return mastodonFetch(`${base}/${enc(id)}`, { method: 'DELETE' })
}

export function getStatusContext(id: string): Promise<StatusContext> {
  return mastodonFetch(`${base}/${enc(id)}/context`)
}

export function editStatus(id: string, input: StatusEdit): Promise<Status> {
  return mastodonFetch(`${base}/${enc(id)}`, { method: 'PUT', body: input })
}

export function getStatusSource(id: string): Promise<StatusSource> {
  return mastodonFetch(`${base}/${enc(id)}/source`)
}

export function getStatusHistory(id: string): Promise<StatusEditEntry[]> {
  return mastodonFetch(`${base}/${enc(id)}/history`)
}

type Toggle = 'favourite' | 'unfavourite' | 'reblog' | 'unreblog' | 'bookmark' | 'unbookmark' | 'pin' | 'unpin'

/** favourite, reblog, bookmark, pin and their undo. `reblog` answers with the new share wrapping the post. */
export function toggleStatus(id: string, action: Toggle): Promise<Status> {
  return mastodonFetch(`${base}/${enc(id)}/${action}`, { method: 'POST', body: action === 'reblog' ? {} : undefined })
}

export function setReaction(id: string, kind: ReactionKind): Promise<Status> {
  return mastodonFetch(`${kith}/${enc(id)}/reaction`, { method: 'PUT', body: { kind } })
}

export function clearReaction(id: string): Promise<Status> {
  return mastodonFetch(`${kith}/${enc(id)}/reaction`, { method: 'DELETE' })
}

export async function listReactions(id: string, kind: ReactionKind | null): Promise<Page<Reactor>> {
  const page = await mastodonPage<unknown>(`${kith}/${enc(id)}/reactions`, { kind: kind ?? undefined, limit: 80 })
  return { ...page, items: page.items.map(readReactor) }
}

// NOTE: the reactions list is being built alongside this client; accept both likely shapes.
function readReactor(item: unknown): Reactor {
  const entry = item as { account?: Account; name?: string; kind?: string } & Partial<Account>
  if (entry.account) {
    const kind = (entry.kind ?? entry.name ?? null) as ReactionKind | null
    return { account: entry.account, kind: kind && reactionKinds.includes(kind) ? kind : null }
  }
  return { account: entry as Account, kind: null }
}

export function setStatusVisibility(id: string, visibility: KithVisibility): Promise<Status> {
  return mastodonFetch(`${kith}/${enc(id)}/visibility`, { method: 'PUT', body: { visibility } })
}
