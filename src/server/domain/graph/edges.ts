// The transitions every graph operation is built from. Each runs inside the caller's transaction,
// is idempotent, and moves the counters on accounts only when a row really changed.
import { newId } from '#shared/id.ts'
import type { Db } from '../../db/connect.ts'
import { adjustCounter, deleteEdge, deleteFriendship, insertEdge, insertFriendship } from './graph-store.ts'

export type FollowOptions = { show_reblogs?: 0 | 1; notify?: 0 | 1 }

/** `from` follows `to`; any pending follow request between them in that direction is settled. */
export async function addFollow(trx: Db, from: string, to: string, now: Date, opts: FollowOptions = {}) {
  await deleteEdge(trx, 'follow_requests', from, to)
  const row = { id: newId(now), account_id: from, target_account_id: to, created_at: now.toISOString(), ...opts }
  if (await insertEdge(trx, 'follows', row)) {
    await adjustCounter(trx, from, 'following_count', 1)
    await adjustCounter(trx, to, 'followers_count', 1)
  }
}

export async function removeFollow(trx: Db, from: string, to: string) {
  if (await deleteEdge(trx, 'follows', from, to)) {
    await adjustCounter(trx, from, 'following_count', -1)
    await adjustCounter(trx, to, 'followers_count', -1)
  }
}

/** Friends follow each other, and whatever requests were pending between them are done with. */
export async function addFriendship(trx: Db, a: string, b: string, now: Date) {
  await deleteEdge(trx, 'friend_requests', a, b)
  await deleteEdge(trx, 'friend_requests', b, a)
  if (await insertFriendship(trx, newId(now), a, b, now.toISOString())) {
    await adjustCounter(trx, a, 'friends_count', 1)
    await adjustCounter(trx, b, 'friends_count', 1)
  }
  await addFollow(trx, a, b, now)
  await addFollow(trx, b, a, now)
}

/** Unfriending also ends both follows. */
export async function removeFriendship(trx: Db, a: string, b: string) {
  if (await deleteFriendship(trx, a, b)) {
    await adjustCounter(trx, a, 'friends_count', -1)
    await adjustCounter(trx, b, 'friends_count', -1)
  }
  await removeFollow(trx, a, b)
  await removeFollow(trx, b, a)
}

/** Everything between two people except blocks and mutes: what a block removes, both ways. */
export async function severAll(trx: Db, a: string, b: string) {
  await removeFriendship(trx, a, b)
  for (const table of ['follow_requests', 'friend_requests'] as const) {
    await deleteEdge(trx, table, a, b)
    await deleteEdge(trx, table, b, a)
  }
}
