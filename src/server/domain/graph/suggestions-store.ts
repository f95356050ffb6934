// People you may know, and the mutual friends shown with people.
import { type SqlBool, sql } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { AccountRow } from '../../db/schema.ts'
import type { EdgeTable } from './graph-store.ts'

/**
 * Mutual friends the viewer may be shown: a friend M of the viewer counts unless M hides their
 * friends list from everyone (`only_me`); `friends` lets the viewer, M's friend, see it.
 */
function visibleBridges(db: Db, viewerId: string) {
  return db
    .selectFrom('friendships as mine')
    .innerJoin('accounts as bridge', 'bridge.id', 'mine.friend_id')
    .innerJoin('friendships as theirs', 'theirs.account_id', 'mine.friend_id')
    .where('mine.account_id', '=', viewerId)
    .where('bridge.friends_visibility', '!=', 'only_me')
    .where('bridge.suspended_at', 'is', null)
}

export async function countVisibleMutualFriends(
  db: Db,
  viewerId: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const rows = await visibleBridges(db, viewerId)
    .select(['theirs.friend_id as other', (eb) => eb.fn.countAll<number>().as('n')])
    .where('theirs.friend_id', 'in', [...ids])
    .groupBy('theirs.friend_id')
    .execute()
  return new Map(rows.map((r) => [r.other, Number(r.n)]))
}

/** Up to `per` mutual friends for each of `ids`, most recent friendships first. */
export async function listVisibleMutualFriends(
  db: Db,
  viewerId: string,
  ids: readonly string[],
  per: number,
): Promise<Map<string, AccountRow[]>> {
  const out = new Map<string, AccountRow[]>()
  if (ids.length === 0) return out
  const rows = await visibleBridges(db, viewerId)
    .selectAll('bridge')
    .select('theirs.friend_id as other')
    .where('theirs.friend_id', 'in', [...ids])
    .orderBy('mine.id', 'desc')
    .execute()
  for (const { other, ...account } of rows) {
    const list = out.get(other) ?? []
    if (list.length < per) list.push(account as AccountRow)
    out.set(other, list)
  }
  return out
}
/**
 * People you may know: friends of the viewer's friends, ranked by how many friends they share,
 * leaving out the viewer, friends, anyone with a pending friend request either way, blocks either
 * way, active mutes, dismissed suggestions, suspended and non-discoverable accounts.
 */
export async function listFriendSuggestions(
  db: Db,
  viewerId: string,
  opts: { limit: number; now: string; excludeFollowing: boolean; excludeRefusingRequests: boolean },
): Promise<{ account: AccountRow; mutual: number }[]> {
  // Raw SQL for the correlated pairs: portable, and far shorter than the builder's generics.
  const pair = (table: EdgeTable) =>
    sql<SqlBool>`exists (select 1 from ${sql.table(table)} x where (x.account_id = ${viewerId} and x.target_account_id = c.id) or (x.account_id = c.id and x.target_account_id = ${viewerId}))`
  const outgoing = (table: EdgeTable | 'suggestion_dismissals') =>
    sql<SqlBool>`exists (select 1 from ${sql.table(table)} x where x.account_id = ${viewerId} and x.target_account_id = c.id)`
  let q = visibleBridges(db, viewerId)
    .innerJoin('accounts as c', 'c.id', 'theirs.friend_id')
    .selectAll('c')
    .select((eb) => eb.fn.countAll<number>().as('mutual'))
    .where('c.id', '!=', viewerId)
    .where('c.discoverable', '=', 1)
    .where('c.suspended_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.or([
          sql<SqlBool>`exists (select 1 from friendships f where f.account_id = ${viewerId} and f.friend_id = c.id)`,
          pair('friend_requests'),
          pair('blocks'),
          sql<SqlBool>`exists (select 1 from mutes m where m.account_id = ${viewerId} and m.target_account_id = c.id and (m.expires_at is null or m.expires_at > ${opts.now}))`,
          outgoing('suggestion_dismissals'),
          ...(opts.excludeFollowing ? [outgoing('follows'), outgoing('follow_requests')] : []),
        ]),
      ),
    )
  if (opts.excludeRefusingRequests) q = q.where('c.friend_requests_from', '!=', 'nobody')
  const rows = await q.groupBy('c.id').orderBy('mutual', 'desc').orderBy('c.id', 'desc').limit(opts.limit).execute()
  return rows.map(({ mutual, ...account }) => ({ account: account as AccountRow, mutual: Number(mutual) }))
}

export async function insertSuggestionDismissal(db: Db, accountId: string, targetId: string, now: string) {
  await db
    .insertInto('suggestion_dismissals')
    .values({ account_id: accountId, target_account_id: targetId, created_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
    .execute()
}
