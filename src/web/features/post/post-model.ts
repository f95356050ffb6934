// What a post card works with, and pure helpers over Status entities.
import type { Account } from '#shared/mastodon-entities.ts'
import type { InnerStatus, ReactionKind, Status } from '#shared/mastodon-statuses.ts'
import { reactionKinds } from '../../api/statuses.ts'

export type { Account, InnerStatus, ReactionKind, Status }

/** What a card shows: a status with its quote (a share's original, or the status itself). */
export type Post = NonNullable<Status['reblog']>
export type StatusPatch = Partial<InnerStatus>
export type Patcher = (s: InnerStatus) => StatusPatch

/** Applies `patch` to the status `id` wherever it appears in `s`: itself, the post it shares, a quote. */
export function patchStatus(s: Status, id: string, patch: Patcher): Status {
  let next = s
  if (s.id === id) next = { ...next, ...patch(s) }
  if (next.reblog) {
    const reblog = patchPost(next.reblog, id, patch)
    if (reblog !== next.reblog) next = { ...next, reblog }
  }
  const quoted = next.quote?.quoted_status
  if (quoted?.id === id) next = { ...next, quote: { ...next.quote!, quoted_status: { ...quoted, ...patch(quoted) } } }
  return next
}

function patchPost(p: Post, id: string, patch: Patcher): Post {
  let next = p.id === id ? { ...p, ...patch(p) } : p
  const quoted = next.quote?.quoted_status
  if (quoted?.id === id) next = { ...next, quote: { ...next.quote!, quoted_status: { ...quoted, ...patch(quoted) } } }
  return next
}

/** The fields that change when the viewer reacts with `kind` (or takes the reaction back). */
export function applyReaction(s: InnerStatus, kind: ReactionKind | null): StatusPatch {
  const prev = s.kith.my_reaction as ReactionKind | null
  const counts = new Map(s.kith.reactions.map((r) => [r.name, r.count]))
  if (prev) counts.set(prev, (counts.get(prev) ?? 1) - 1)
  if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  const reactions = reactionKinds
    .filter((k) => (counts.get(k) ?? 0) > 0)
    .map((k) => ({ name: k, count: counts.get(k)!, me: k === kind }))
  return {
    favourited: kind !== null,
    favourites_count: Math.max(0, s.favourites_count + (kind ? 1 : 0) - (prev ? 1 : 0)),
    kith: { ...s.kith, reactions, my_reaction: kind },
  }
}

/** The reactions with the most people first, for the summary icons. */
export function topReactions(s: InnerStatus, n = 3): ReactionKind[] {
  return [...s.kith.reactions]
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, n)
    .map((r) => r.name as ReactionKind)
}

export function reactionTotal(s: InnerStatus): number {
  return s.kith.reactions.reduce((sum, r) => sum + r.count, 0)
}

/** The site-relative path of one of the server's absolute URLs, for in-app links. */
export function pathOf(url: string): string {
  try {
    const u = new URL(url, window.location.origin)
    return u.origin === window.location.origin ? `${u.pathname}${u.search}` : url
  } catch {
    return url
  }
}

export function postPath(s: InnerStatus): string {
  return s.url ? pathOf(s.url) : `/@${s.account.username}/${s.id}`
}

export function profilePath(a: Account): string {
  return a.url ? pathOf(a.url) : `/@${a.username}`
}

export function displayName(a: Pick<Account, 'display_name' | 'username'>): string {
  return a.display_name || a.username
}

/** What <Avatar> draws: the uploaded picture, or initials when the account still has the placeholder. */
export function avatarOf(a: Account) {
  const missing = !a.avatar || a.avatar.endsWith('/avatars/original/missing.png')
  return { avatar: missing ? '' : a.avatar_small || a.avatar, display_name: a.display_name, username: a.username }
}

export function absoluteUrl(s: InnerStatus): string {
  return new URL(s.url ?? postPath(s), window.location.origin).toString()
}

/** Plain text from the server's post HTML, for editing when the source text is unavailable. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(
    html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p[^>]*>/gi, '\n\n'),
    'text/html',
  )
  return (doc.body.textContent ?? '').trim()
}

/** Rough length of the post's text, to decide whether to fold it in a feed. */
export function textLength(html: string): number {
  return html.replace(/<[^>]+>/g, '').length
}

/** Anyone may share a public or unlisted post; its author may also share a followers or friends post. */
export function isShareable(s: InnerStatus, viewerId: string | undefined): boolean {
  if (s.visibility === 'public' || s.visibility === 'unlisted') return true
  return s.account.id === viewerId && s.visibility !== 'direct'
}

/** Sharing with one's own words quotes the post, which only public and unlisted posts allow. */
export function isQuotable(s: InnerStatus): boolean {
  return s.visibility === 'public' || s.visibility === 'unlisted'
}
