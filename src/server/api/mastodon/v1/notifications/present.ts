// Notification rows → Mastodon Notification entities and grouped results (API v2), batched:
// one query for the senders, one presenter pass for the posts.
import type { Account } from '#shared/mastodon-entities.ts'
import type { GroupedNotificationsResults, Notification, NotificationGroup } from '#shared/mastodon-notifications.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import type { AccountRow, NotificationRow } from '../../../../db/schema.ts'
import type { Viewer } from '../../../../domain/auth/viewer.ts'
import { type NotificationGroupData, SAMPLE_ACCOUNTS } from '../../../../domain/notifications/list-notifications.ts'
import type { TypeView } from '../../../../domain/notifications/types.ts'
import { findAccountsByIds } from '../../../../domain/posts/hydrate-store.ts'
import { findPostsByIds } from '../../../../domain/posts/posts-store.ts'
import { presentAccounts } from '../../present/accounts.ts'
import { presentStatuses } from '../../present/statuses.ts'

const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))]

async function hydrate(ctx: AppContext, viewer: Viewer, accountIds: string[], postIds: string[]) {
  const [accountRows, posts] = await Promise.all([
    findAccountsByIds(ctx.db, accountIds),
    findPostsByIds(ctx.db, postIds),
  ])
  const [accounts, statuses] = await Promise.all([
    presentAccounts(ctx, viewer, [...accountRows.values()] as AccountRow[]),
    presentStatuses(ctx, viewer, posts),
  ])
  return {
    accounts: new Map<string, Account>(accounts.map((a) => [a.id, a])),
    statuses: new Map<string, Status>(statuses.map((s) => [s.id, s])),
  }
}

function warning(row: NotificationRow) {
  if (row.type !== 'moderation_warning' || !row.payload) return {}
  return { moderation_warning: JSON.parse(row.payload) }
}

function kith(row: NotificationRow) {
  return { type: row.type, ...(row.reaction ? { reaction: row.reaction } : {}) }
}

export async function presentNotifications(
  ctx: AppContext,
  viewer: Viewer,
  rows: NotificationRow[],
  view: TypeView,
): Promise<Notification[]> {
  if (rows.length === 0) return []
  const { accounts, statuses } = await hydrate(
    ctx,
    viewer,
    uniq(rows.map((r) => r.from_account_id)),
    uniq(rows.map((r) => r.post_id)),
  )
  const out: Notification[] = []
  for (const row of rows) {
    const account = accounts.get(row.from_account_id)
    const status = row.post_id ? statuses.get(row.post_id) : undefined
    // The rows were filtered for visibility; a post gone since then drops its notification.
    if (!account || (row.post_id && !status)) continue
    out.push({
      id: row.id,
      type: view.present(row.type),
      group_key: view.grouped(row.type) ? row.group_key : `ungrouped-${row.id}`,
      created_at: row.created_at,
      account,
      ...(status ? { status } : {}),
      ...warning(row),
      kith: kith(row),
    })
  }
  return out
}

export async function presentNotificationGroups(
  ctx: AppContext,
  viewer: Viewer,
  groups: NotificationGroupData[],
  options: { partialAvatars: boolean; paged: boolean },
): Promise<GroupedNotificationsResults> {
  const samples = groups.map((g) => uniq(g.rows.map((r) => r.from_account_id)).slice(0, SAMPLE_ACCOUNTS))
  const { accounts, statuses } = await hydrate(
    ctx,
    viewer,
    uniq(samples.flat()),
    uniq(groups.map((g) => g.rows[0]!.post_id)),
  )
  const notificationGroups: NotificationGroup[] = []
  const full = new Set<string>()
  groups.forEach((g, i) => {
    const latest = g.rows[0]!
    const oldest = g.rows.at(-1)!
    const sample = samples[i]!.filter((id) => accounts.has(id))
    if (sample.length === 0 || (latest.post_id && !statuses.has(latest.post_id))) return
    full.add(sample[0]!)
    notificationGroups.push({
      group_key: g.groupKey,
      notifications_count: g.rows.length,
      type: g.type,
      most_recent_notification_id: latest.id,
      ...(options.paged
        ? { page_min_id: oldest.id, page_max_id: latest.id, latest_page_notification_at: latest.created_at }
        : {}),
      sample_account_ids: sample,
      ...(latest.post_id ? { status_id: latest.post_id } : {}),
      ...warning(latest),
      kith: kith(latest),
    })
  })
  const all = [...new Set(notificationGroups.flatMap((g) => g.sample_account_ids))].map((id) => accounts.get(id)!)
  // With partial_avatars, only each group's most recent account comes in full (Mastodon's rule).
  const partial = options.partialAvatars ? all.filter((a) => !full.has(a.id)) : []
  return {
    accounts: options.partialAvatars ? all.filter((a) => full.has(a.id)) : all,
    ...(options.partialAvatars
      ? {
          partial_accounts: partial.map((a) => ({
            id: a.id,
            acct: a.acct,
            url: a.url,
            avatar: a.avatar,
            avatar_static: a.avatar_static,
            locked: a.locked,
            bot: a.bot,
          })),
        }
      : {}),
    statuses: [...new Set(notificationGroups.map((g) => g.status_id).filter((s): s is string => !!s))].map(
      (id) => statuses.get(id)!,
    ),
    notification_groups: notificationGroups,
  }
}
