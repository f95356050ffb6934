// Queries for notifications. `deliverable` is the one filter every read goes through: no
// notification from someone blocked (either way), muted with notifications hidden, or suspended, and
// none about a post the recipient may no longer see (the audience rule of posts/visibility.ts).
import type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely'
import type { Db } from '../../db/connect.ts'
import { keysetPage, type Page, pageRows } from '../../db/paging.ts'
import type { Database, NotificationRow, NotificationsTable } from '../../db/schema.ts'
import { postVisibleTo } from '../posts/visibility.ts'

type NEb = ExpressionBuilder<Database, 'notifications'>
type NotificationsQuery = SelectQueryBuilder<Database, 'notifications', NotificationRow>

export function deliverable(recipientId: string, nowIso: string) {
  return (eb: NEb): Expression<SqlBool> => {
    const from = eb.ref('notifications.from_account_id')
    return eb.and([
      eb.exists(
        eb
          .selectFrom('accounts as sender')
          .select('sender.id')
          .whereRef('sender.id', '=', from)
          .where('sender.suspended_at', 'is', null),
      ),
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks as b')
            .select('b.id')
            .where((w) =>
              w.or([
                w.and([w('b.account_id', '=', recipientId), w('b.target_account_id', '=', from)]),
                w.and([w('b.account_id', '=', from), w('b.target_account_id', '=', recipientId)]),
              ]),
            ),
        ),
      ),
      eb.not(
        eb.exists(
          eb
            .selectFrom('mutes as mu')
            .select('mu.id')
            .where('mu.account_id', '=', recipientId)
            .where('mu.target_account_id', '=', from)
            .where('mu.hide_notifications', '=', 1)
            .where((w) => w.or([w('mu.expires_at', 'is', null), w('mu.expires_at', '>', nowIso)])),
        ),
      ),
      eb.or([
        eb('notifications.post_id', 'is', null),
        eb.exists(
          eb
            .selectFrom('posts')
            .select('posts.id')
            .whereRef('posts.id', '=', 'notifications.post_id')
            .where(postVisibleTo(recipientId) as never),
        ),
      ]),
    ])
  }
}

/** Moderation warnings reach their recipient whoever sent them. */
function deliverableOrWarning(recipientId: string, nowIso: string) {
  return (eb: NEb) => eb.or([eb('notifications.type', '=', 'moderation_warning'), deliverable(recipientId, nowIso)(eb)])
}

export type NotificationFilter = {
  recipientId: string
  nowIso: string
  kinds: readonly string[]
  fromAccountId?: string | null
}

export function notificationsQuery(db: Db, f: NotificationFilter): NotificationsQuery {
  return db
    .selectFrom('notifications')
    .selectAll('notifications')
    .where('notifications.account_id', '=', f.recipientId)
    .where('notifications.dismissed_at', 'is', null)
    .where('notifications.type', 'in', f.kinds.length > 0 ? [...f.kinds] : ['-'])
    .$if(!!f.fromAccountId, (q) => q.where('notifications.from_account_id', '=', f.fromAccountId!))
    .where(deliverableOrWarning(f.recipientId, f.nowIso))
}

export async function listNotificationRows(db: Db, f: NotificationFilter, page: Page): Promise<NotificationRow[]> {
  const rows = await keysetPage(notificationsQuery(db, f), 'notifications.id', page).execute()
  return pageRows(rows, page)
}

export async function findNotificationRow(db: Db, f: NotificationFilter, id: string) {
  return notificationsQuery(db, f).where('notifications.id', '=', id).executeTakeFirst()
}

/** Ids above `afterId`, capped: an unread count never needs more than the cap. */
export async function listNotificationIdsAfter(db: Db, f: NotificationFilter, afterId: string | null, cap: number) {
  return notificationsQuery(db, f)
    .clearSelect()
    .select(['notifications.id', 'notifications.group_key', 'notifications.type'])
    .$if(afterId !== null, (q) => q.where('notifications.id', '>', afterId!))
    .orderBy('notifications.id', 'desc')
    .limit(cap)
    .execute()
}

export async function findNotificationsMarker(db: Db, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('markers')
    .select('last_read_id')
    .where('account_id', '=', accountId)
    .where('timeline', '=', 'notifications')
    .executeTakeFirst()
  return row?.last_read_id ?? null
}

/** Inserts unless the recipient already has this event (same dedupe key); the row, or null. */
export async function insertNotification(db: Db, row: NotificationsTable): Promise<NotificationRow | null> {
  const added = await db
    .insertInto('notifications')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return added ? row : null
}

export async function updateReaction(db: Db, recipientId: string, dedupeKey: string, reaction: string) {
  await db
    .updateTable('notifications')
    .set({ reaction })
    .where('account_id', '=', recipientId)
    .where('dedupe_key', '=', dedupeKey)
    .execute()
}

/** The group key of the latest notification of this kind about this post (or account), for grouping. */
export async function findLatestGroupKey(db: Db, recipientId: string, type: string, postId: string | null) {
  const row = await db
    .selectFrom('notifications')
    .select('group_key')
    .where('account_id', '=', recipientId)
    .where('type', '=', type)
    .where('post_id', postId === null ? 'is' : '=', postId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.group_key ?? null
}

export async function dismissNotifications(
  db: Db,
  recipientId: string,
  nowIso: string,
  where: { id?: string; groupKey?: string } = {},
): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ dismissed_at: nowIso })
    .where('account_id', '=', recipientId)
    .where('dismissed_at', 'is', null)
    .$if(where.id !== undefined, (q) => q.where('id', '=', where.id!))
    .$if(where.groupKey !== undefined, (q) => q.where('group_key', '=', where.groupKey!))
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function markEmailed(db: Db, ids: readonly string[], nowIso: string) {
  if (ids.length === 0) return
  await db
    .updateTable('notifications')
    .set({ emailed_at: nowIso })
    .where('id', 'in', [...ids])
    .execute()
}

// Preferences

export async function listPreferenceRows(db: Db, accountId: string) {
  return db.selectFrom('notification_preferences').selectAll().where('account_id', '=', accountId).execute()
}

export async function findPreference(db: Db, accountId: string, type: string): Promise<string | null> {
  const row = await db
    .selectFrom('notification_preferences')
    .select('delivery')
    .where('account_id', '=', accountId)
    .where('type', '=', type)
    .executeTakeFirst()
  return row?.delivery ?? null
}

export async function upsertPreference(db: Db, accountId: string, type: string, delivery: string, nowIso: string) {
  await db
    .insertInto('notification_preferences')
    .values({ account_id: accountId, type, delivery, updated_at: nowIso })
    .onConflict((oc) =>
      oc.columns(['account_id', 'type']).doUpdateSet((eb) => ({
        delivery: eb.ref('excluded.delivery'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute()
}

// Digests

/** Claims the person's next digest slot; true when this call scheduled it (so it enqueues the job). */
export async function claimDigestSlot(db: Db, accountId: string, scheduledFor: string): Promise<boolean> {
  await db
    .insertInto('notification_digests')
    .values({ account_id: accountId, scheduled_for: null, last_sent_at: null })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute()
  const r = await db
    .updateTable('notification_digests')
    .set({ scheduled_for: scheduledFor })
    .where('account_id', '=', accountId)
    .where('scheduled_for', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function findDigest(db: Db, accountId: string) {
  return db.selectFrom('notification_digests').selectAll().where('account_id', '=', accountId).executeTakeFirst()
}

export async function finishDigest(db: Db, accountId: string, sentAt: string | null) {
  await db
    .updateTable('notification_digests')
    .set(sentAt ? { scheduled_for: null, last_sent_at: sentAt } : { scheduled_for: null })
    .where('account_id', '=', accountId)
    .execute()
}
