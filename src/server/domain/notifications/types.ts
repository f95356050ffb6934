// How Kith's notification kinds meet Mastodon's types (the rule, with examples, is in
// docs/api-notifications.md). Mastodon clients break on types they do not know, so by default each
// kind is shown as its Mastodon type (a comment is a `mention`, a reaction a `favourite`) and
// kinds without one (friend requests) are left out. A client that names a kind in `types[]` gets it
// under that name; the web client passes `kith=true` and sees every kind under its own name.
import {
  MASTODON_TYPE_OF,
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
} from '#shared/mastodon-notifications.ts'

export { MASTODON_TYPE_OF, NOTIFICATION_KINDS, type NotificationKind }

/** Kinds grouped in API v2 ("Ana and 12 others reacted to your post"), as Mastodon groups favourite, reblog, follow. */
export const GROUPABLE: ReadonlySet<NotificationKind> = new Set(['kith:reaction', 'reblog', 'follow'])
/** A group spans at most this long from its first notification, as on Mastodon. */
export const GROUP_SPAN_HOURS = 12

export const DEFAULT_DELIVERY: NotificationDelivery = 'in_app'

export function isKind(s: string): s is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(s)
}

export type TypeQuery = {
  types?: readonly string[]
  excludeTypes?: readonly string[]
  /** The web client's flag: every kind, under its own name. */
  kith?: boolean
  groupedTypes?: readonly string[]
}

export type TypeView = {
  /** Kinds to read from the database. */
  kinds: NotificationKind[]
  /** The `type` a client sees for a kind. */
  present(kind: string): string
  /** Whether notifications of the kind are grouped (API v2). */
  grouped(kind: string): boolean
}

export function resolveTypes(q: TypeQuery): TypeView {
  const named = new Set(q.types ?? [])
  const excluded = new Set(q.excludeTypes ?? [])
  const presentAs = (kind: NotificationKind): string | null =>
    q.kith || named.has(kind) ? kind : MASTODON_TYPE_OF[kind]
  const kinds = NOTIFICATION_KINDS.filter((kind) => {
    const shown = presentAs(kind)
    if (shown === null) return false
    const mastodon = MASTODON_TYPE_OF[kind]
    if (named.size > 0 && !named.has(kind) && !(mastodon && named.has(mastodon))) return false
    return !excluded.has(kind) && !excluded.has(shown) && !(mastodon && excluded.has(mastodon))
  })
  const groupedNames = q.groupedTypes && q.groupedTypes.length > 0 ? new Set(q.groupedTypes) : null
  return {
    kinds,
    present: (kind) => (isKind(kind) ? (presentAs(kind) ?? kind) : kind),
    grouped: (kind) => {
      if (!isKind(kind) || !GROUPABLE.has(kind)) return false
      if (!groupedNames) return true
      const shown = presentAs(kind)
      return groupedNames.has(kind) || (shown !== null && groupedNames.has(shown))
    },
  }
}
