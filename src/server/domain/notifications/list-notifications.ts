// Reading notifications: the plain list (API v1), one, the unread count, dismissing, and the
// grouped list (API v2, "Ana and 12 others reacted to your post") in Mastodon's shape.
import type { AppContext } from '../../context.ts'
import type { Page } from '../../db/paging.ts'
import type { NotificationRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import {
  dismissNotifications,
  findNotificationRow,
  findNotificationsMarker,
  listNotificationIdsAfter,
  listNotificationRows,
  type NotificationFilter,
  notificationsQuery,
} from './notifications-store.ts'
import { resolveTypes, type TypeQuery, type TypeView } from './types.ts'

export type ListQuery = TypeQuery & { accountId?: string | null }

const notFound = () => new AppError('not_found', 'Record not found')

function filterFor(ctx: AppContext, recipientId: string, view: TypeView, q: ListQuery): NotificationFilter {
  return { recipientId, nowIso: ctx.clock.now().toISOString(), kinds: view.kinds, fromAccountId: q.accountId }
}

export async function listNotifications(ctx: AppContext, recipientId: string, q: ListQuery, page: Page) {
  const view = resolveTypes(q)
  const rows = await listNotificationRows(ctx.db, filterFor(ctx, recipientId, view, q), page)
  return { rows, view }
}

export async function getNotification(ctx: AppContext, recipientId: string, id: string, q: TypeQuery = {}) {
  // Any kind may be fetched by id, under the name the client's mode gives it.
  const view = resolveTypes({ kith: q.kith })
  const all = { ...view, kinds: resolveTypes({ kith: true }).kinds }
  const row = await findNotificationRow(ctx.db, filterFor(ctx, recipientId, all, {}), id)
  if (!row) throw notFound()
  return { row, view }
}

export async function dismissNotification(ctx: AppContext, recipientId: string, id: string): Promise<void> {
  const n = await dismissNotifications(ctx.db, recipientId, ctx.clock.now().toISOString(), { id })
  if (n === 0) throw notFound()
}

export async function clearNotifications(ctx: AppContext, recipientId: string): Promise<void> {
  await dismissNotifications(ctx.db, recipientId, ctx.clock.now().toISOString())
}

/** Notifications newer than the `notifications` marker (capped); in groups when `grouped` is set. */
export async function countUnread(
  ctx: AppContext,
  recipientId: string,
  q: ListQuery,
  limit: number,
  grouped = false,
): Promise<number> {
  const view = resolveTypes(q)
  const marker = await findNotificationsMarker(ctx.db, recipientId)
  const filter = filterFor(ctx, recipientId, view, q)
  if (!grouped) return (await listNotificationIdsAfter(ctx.db, filter, marker, limit)).length
  const rows = await listNotificationIdsAfter(ctx.db, filter, marker, limit * 20)
  const keys = new Set(rows.map((r) => (view.grouped(r.type) ? r.group_key : `ungrouped-${r.id}`)))
  return Math.min(keys.size, limit)
}

export type NotificationGroupData = {
  groupKey: string
  rows: NotificationRow[] // newest first
  /** The type the client sees. */
  type: string
  kind: string
}

const SCAN_BATCH = 200
const SCAN_MAX = 2000
export const SAMPLE_ACCOUNTS = 8

/**
 * Walks notifications from the cursor, gathering them into at most `page.limit` groups, and stops
 * at the first notification of a group that does not fit: every notification in the range covered is
 * then counted in its group, and the next page starts below the range (Mastodon's pagination range).
 */
export async function listNotificationGroups(ctx: AppContext, recipientId: string, q: ListQuery, page: Page) {
  const view = resolveTypes(q)
  const filter = filterFor(ctx, recipientId, view, q)
  const ascending = page.minId !== null
  const groups = new Map<string, NotificationGroupData>()
  let cursor: string | null = ascending ? page.minId : page.maxId
  let scanned = 0
  scan: while (scanned < SCAN_MAX) {
    let query = notificationsQuery(ctx.db, filter)
    if (cursor) query = query.where('notifications.id', ascending ? '>' : '<', cursor)
    if (page.sinceId) query = query.where('notifications.id', '>', page.sinceId)
    const batch = await query
      .orderBy('notifications.id', ascending ? 'asc' : 'desc')
      .limit(SCAN_BATCH)
      .execute()
    for (const row of batch) {
      const key = view.grouped(row.type) ? row.group_key : `ungrouped-${row.id}`
      const group = groups.get(key)
      if (group) group.rows.push(row)
      else if (groups.size < page.limit) {
        groups.set(key, { groupKey: key, rows: [row], type: view.present(row.type), kind: row.type })
      } else break scan
    }
    scanned += batch.length
    if (batch.length < SCAN_BATCH) break
    cursor = batch.at(-1)!.id
  }
  const out = [...groups.values()]
  for (const g of out) g.rows.sort((a, b) => (a.id < b.id ? 1 : -1))
  out.sort((a, b) => (a.rows[0]!.id < b.rows[0]!.id ? 1 : -1))
  return { groups: out, view }
}

/** One group by its key (or `ungrouped-<id>`), every notification in it. */
export async function getNotificationGroup(ctx: AppContext, recipientId: string, groupKey: string, q: TypeQuery) {
  const view = resolveTypes({ kith: q.kith })
  const all = resolveTypes({ kith: true }).kinds
  const filter: NotificationFilter = { recipientId, nowIso: ctx.clock.now().toISOString(), kinds: all }
  const ungrouped = groupKey.match(/^ungrouped-(\d+)$/)?.[1]
  const rows = await notificationsQuery(ctx.db, filter)
    .where((eb) => (ungrouped ? eb('notifications.id', '=', ungrouped) : eb('notifications.group_key', '=', groupKey)))
    .orderBy('notifications.id', 'desc')
    .limit(SCAN_MAX)
    .execute()
  if (rows.length === 0) throw notFound()
  const group: NotificationGroupData = { groupKey, rows, type: view.present(rows[0]!.type), kind: rows[0]!.type }
  return { group, view }
}

export async function dismissNotificationGroup(ctx: AppContext, recipientId: string, groupKey: string) {
  const ungrouped = groupKey.match(/^ungrouped-(\d+)$/)?.[1]
  const nowIso = ctx.clock.now().toISOString()
  const n = ungrouped
    ? await dismissNotifications(ctx.db, recipientId, nowIso, { id: ungrouped })
    : await dismissNotifications(ctx.db, recipientId, nowIso, { groupKey })
  if (n === 0) throw notFound()
}
