// What the menu and the page show: notifications in groups ("Ana and 12 others reacted to your
// post"), built from the grouped API (v2) and from single notifications (the stream, v1), merged by
// `group_key` so a live reaction joins its group instead of adding a row.
import type { Account } from '#shared/mastodon-entities.ts'
import type { GroupedNotificationsResults, Notification } from '#shared/mastodon-notifications.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { postPath, profilePath } from '../post/post-model.ts'

export type NotificationItem = {
  key: string
  /** Kith's kind: `kith:comment`, `follow`… */
  kind: string
  reaction?: string
  count: number
  /** Latest first; at most a few. */
  accounts: Account[]
  status?: Status
  latestId: string
  at: string
}

const SAMPLE = 8

/** Ids are time-sortable decimal strings: compare by length, then as text. */
export function newerId(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b
}

export function maxId(ids: Iterable<string>): string | null {
  let best: string | null = null
  for (const id of ids) if (best === null || newerId(id, best)) best = id
  return best
}

export function fromGrouped(res: GroupedNotificationsResults): NotificationItem[] {
  const accounts = new Map(res.accounts.map((a) => [a.id, a]))
  const statuses = new Map(res.statuses.map((s) => [s.id, s]))
  return res.notification_groups.map((g) => ({
    key: g.group_key,
    kind: g.kith.type,
    reaction: g.kith.reaction,
    count: g.notifications_count,
    accounts: g.sample_account_ids.flatMap((id) => accounts.get(id) ?? []),
    status: g.status_id ? statuses.get(g.status_id) : undefined,
    latestId: g.most_recent_notification_id,
    at: g.latest_page_notification_at ?? '',
  }))
}

export function fromNotification(n: Notification): NotificationItem {
  return {
    key: n.group_key,
    kind: n.kith.type,
    reaction: n.kith.reaction,
    count: 1,
    accounts: [n.account],
    status: n.status,
    latestId: n.id,
    at: n.created_at,
  }
}

function join(newer: NotificationItem, older: NotificationItem): NotificationItem {
  const accounts = [...newer.accounts, ...older.accounts.filter((a) => !newer.accounts.some((b) => b.id === a.id))]
  return {
    ...newer,
    count: newer.count + older.count,
    accounts: accounts.slice(0, SAMPLE),
    status: newer.status ?? older.status,
  }
}

/** Puts `newer` (newest first) on top of `list`; a group already listed moves up with the new ones counted in. */
export function mergeNewer(list: NotificationItem[], newer: NotificationItem[]): NotificationItem[] {
  const known = new Set(list.map((i) => i.latestId))
  const fresh = newer.filter((i) => !known.has(i.latestId))
  if (fresh.length === 0) return list
  const byKey = new Map(list.map((i) => [i.key, i]))
  const top = fresh.map((i) => {
    const old = byKey.get(i.key)
    return old ? join(i, old) : i
  })
  const moved = new Set(top.map((i) => i.key))
  return [...top, ...list.filter((i) => !moved.has(i.key))]
}

/** Adds an older page below `list`; a group that continues from the page above is joined to it. */
export function appendOlder(list: NotificationItem[], older: NotificationItem[]): NotificationItem[] {
  const index = new Map(list.map((item, i) => [item.key, i]))
  const out = [...list]
  for (const item of older) {
    const at = index.get(item.key)
    if (at === undefined) {
      index.set(item.key, out.length)
      out.push(item)
    } else {
      out[at] = join(out[at], item)
    }
  }
  return out
}

/** Where a click on the notification goes: the post (or comment) it is about, or the person. */
export function targetPath(item: NotificationItem): string | null {
  if (item.status) return postPath(item.status)
  const who = item.accounts[0]
  if (item.kind === 'moderation_warning' || !who) return null
  return profilePath(who)
}

/** The i18n key part of a kind: `kith:comment` → `comment` (i18next reads ":" as a namespace). */
export function kindKey(kind: string): string {
  return kind.replace(/^kith:/, '')
}

/** Filters on the page, by the Mastodon types or kinds the server takes in `types[]`. */
export const FILTERS = {
  all: undefined,
  comments: ['mention'],
  people: ['follow', 'follow_request', 'kith:friend_request', 'kith:friend_accepted'],
} as const
export type FilterName = keyof typeof FILTERS

export function matchesFilter(kind: string, filter: FilterName): boolean {
  if (filter === 'comments') return ['mention', 'kith:comment', 'kith:reply', 'quote'].includes(kind)
  if (filter === 'people') return (FILTERS.people as readonly string[]).includes(kind)
  return true
}
