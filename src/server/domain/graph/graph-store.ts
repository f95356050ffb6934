// Queries for the social graph: the edge tables (follows, follow_requests, friend_requests, blocks,
// mutes), friendships (two rows, one each way, sharing one id), the counters on accounts, and lists.
import type { Insertable } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { FollowsTable, MutesTable } from '../../db/schema.ts'

export type EdgeTable = 'follows' | 'follow_requests' | 'friend_requests' | 'blocks' | 'mutes'
export type EdgeRow = { id: string; account_id: string; target_account_id: string; created_at: string }
export type Counter = 'followers_count' | 'following_count' | 'friends_count'

// The edge tables share their columns, so one typed builder serves them all.
export const edgeTable = (table: EdgeTable) => table as 'blocks'

/** Inserts the edge unless the pair already has one; true when a row was added. */
export async function insertEdge(
  db: Db,
  table: EdgeTable,
  row: EdgeRow & Partial<Pick<FollowsTable, 'show_reblogs' | 'notify'>>,
): Promise<boolean> {
  const added = await db
    .insertInto(edgeTable(table))
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return added !== undefined
}

/** True when a row was removed. */
export async function deleteEdge(db: Db, table: EdgeTable, accountId: string, targetId: string): Promise<boolean> {
  const gone = await db
    .deleteFrom(edgeTable(table))
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .returning('id')
    .execute()
  return gone.length > 0
}

export async function hasEdge(db: Db, table: EdgeTable, accountId: string, targetId: string): Promise<boolean> {
  const row = await db
    .selectFrom(edgeTable(table))
    .select('id')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst()
  return row !== undefined
}

export async function findFollowRequest(db: Db, accountId: string, targetId: string) {
  return db
    .selectFrom('follow_requests')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst()
}

export async function updateFollowOptions(
  db: Db,
  table: 'follows' | 'follow_requests',
  accountId: string,
  targetId: string,
  changes: Partial<Pick<FollowsTable, 'show_reblogs' | 'notify'>>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return
  await db
    .updateTable(table)
    .set(changes)
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .execute()
}

/** Adds or replaces a mute (Mastodon updates the duration and notification flag of an existing one). */
export async function upsertMute(db: Db, row: Insertable<MutesTable>): Promise<void> {
  await db
    .insertInto('mutes')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'target_account_id'])
        .doUpdateSet({ hide_notifications: row.hide_notifications, expires_at: row.expires_at }),
    )
    .execute()
}

export async function adjustCounter(db: Db, accountId: string, column: Counter, delta: number): Promise<void> {
  await db
    .updateTable('accounts')
    .set((eb) => ({ [column]: eb(column, '+', delta) }))
    .where('id', '=', accountId)
    .execute()
}

/** Both rows of a friendship; true when it is new. */
export async function insertFriendship(db: Db, id: string, a: string, b: string, now: string): Promise<boolean> {
  const added = await db
    .insertInto('friendships')
    .values([
      { id, account_id: a, friend_id: b, created_at: now },
      { id, account_id: b, friend_id: a, created_at: now },
    ])
    .onConflict((oc) => oc.columns(['account_id', 'friend_id']).doNothing())
    .returning('id')
    .execute()
  return added.length > 0
}

export async function deleteFriendship(db: Db, a: string, b: string): Promise<boolean> {
  const gone = await db
    .deleteFrom('friendships')
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', a), eb('friend_id', '=', b)]),
        eb.and([eb('account_id', '=', b), eb('friend_id', '=', a)]),
      ]),
    )
    .returning('id')
    .execute()
  return gone.length > 0
}

export async function areFriends(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('friendships')
    .select('id')
    .where('account_id', '=', a)
    .where('friend_id', '=', b)
    .executeTakeFirst()
  return row !== undefined
}

/** Friends a and b have in common, all of them (for permission checks, never shown). */
export async function countMutualFriends(db: Db, a: string, b: string): Promise<number> {
  const row = await db
    .selectFrom('friendships as fa')
    .innerJoin('friendships as fb', 'fb.friend_id', 'fa.friend_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('fa.account_id', '=', a)
    .where('fb.account_id', '=', b)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
export async function isBlockedEitherWay(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', a), eb('target_account_id', '=', b)]),
        eb.and([eb('account_id', '=', b), eb('target_account_id', '=', a)]),
      ]),
    )
    .executeTakeFirst()
  return row !== undefined
}

/** Which of `ids` the viewer is friends with, and which they follow: for viewer-aware presenting. */
export async function findViewerTies(
  db: Db,
  viewerId: string,
  ids: readonly string[],
): Promise<{ friends: Set<string>; following: Set<string> }> {
  if (ids.length === 0) return { friends: new Set(), following: new Set() }
  const [friends, following] = await Promise.all([
    db
      .selectFrom('friendships')
      .select('friend_id as id')
      .where('account_id', '=', viewerId)
      .where('friend_id', 'in', [...ids])
      .execute(),
    db
      .selectFrom('follows')
      .select('target_account_id as id')
      .where('account_id', '=', viewerId)
      .where('target_account_id', 'in', [...ids])
      .execute(),
  ])
  return { friends: new Set(friends.map((r) => r.id)), following: new Set(following.map((r) => r.id)) }
}

/** Pending requests to an account. */
export async function countIncoming(db: Db, table: 'follow_requests' | 'friend_requests', accountId: string) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('target_account_id', '=', accountId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Everyone who follows the account (a new post's fan-out); covered by follows_target_idx. */
export async function listFollowerIds(db: Db, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('follows').select('account_id').where('target_account_id', '=', accountId).execute()
  return rows.map((r) => r.account_id)
}
