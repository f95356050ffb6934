// The edges between a viewer and a set of accounts, for Relationship entities.
import type { Db } from '../../db/connect.ts'
import type { FollowsTable } from '../../db/schema.ts'
import { type EdgeTable, edgeTable } from './graph-store.ts'

export type RelationshipEdges = {
  following: Map<string, Pick<FollowsTable, 'show_reblogs' | 'notify'>>
  requested: Map<string, Pick<FollowsTable, 'show_reblogs' | 'notify'>>
  followedBy: Set<string>
  requestedBy: Set<string>
  blocking: Set<string>
  blockedBy: Set<string>
  muting: Map<string, { hide_notifications: 0 | 1 }>
  friends: Set<string>
  friendRequestSent: Set<string>
  friendRequestReceived: Set<string>
}

/** Every edge between the viewer and each of `ids`, in one query per kind. Expired mutes do not count. */
export async function findRelationshipEdges(
  db: Db,
  viewerId: string,
  ids: readonly string[],
  now: string,
): Promise<RelationshipEdges> {
  const list = [...ids]
  const out = (table: EdgeTable) =>
    db.selectFrom(edgeTable(table)).where('account_id', '=', viewerId).where('target_account_id', 'in', list)
  const inc = (table: EdgeTable) =>
    db
      .selectFrom(edgeTable(table))
      .select('account_id as id')
      .where('target_account_id', '=', viewerId)
      .where('account_id', 'in', list)
      .execute()
  const targets = (rows: { id: string }[]) => new Set(rows.map((r) => r.id))
  if (list.length === 0) {
    return {
      following: new Map(),
      requested: new Map(),
      followedBy: new Set(),
      requestedBy: new Set(),
      blocking: new Set(),
      blockedBy: new Set(),
      muting: new Map(),
      friends: new Set(),
      friendRequestSent: new Set(),
      friendRequestReceived: new Set(),
    }
  }
  const [following, requested, followedBy, requestedBy, blocking, blockedBy, muting, friends, sent, received] =
    await Promise.all([
      db
        .selectFrom('follows')
        .select(['target_account_id as id', 'show_reblogs', 'notify'])
        .where('account_id', '=', viewerId)
        .where('target_account_id', 'in', list)
        .execute(),
      db
        .selectFrom('follow_requests')
        .select(['target_account_id as id', 'show_reblogs', 'notify'])
        .where('account_id', '=', viewerId)
        .where('target_account_id', 'in', list)
        .execute(),
      inc('follows'),
      inc('follow_requests'),
      out('blocks').select('target_account_id as id').execute(),
      inc('blocks'),
      db
        .selectFrom('mutes')
        .select(['target_account_id as id', 'hide_notifications'])
        .where('account_id', '=', viewerId)
        .where('target_account_id', 'in', list)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .execute(),
      db
        .selectFrom('friendships')
        .select('friend_id as id')
        .where('account_id', '=', viewerId)
        .where('friend_id', 'in', list)
        .execute(),
      out('friend_requests').select('target_account_id as id').execute(),
      inc('friend_requests'),
    ])
  return {
    following: new Map(following.map((r) => [r.id, r])),
    requested: new Map(requested.map((r) => [r.id, r])),
    followedBy: targets(followedBy),
    requestedBy: targets(requestedBy),
    blocking: targets(blocking),
    blockedBy: targets(blockedBy),
    muting: new Map(muting.map((r) => [r.id, r])),
    friends: targets(friends),
    friendRequestSent: targets(sent),
    friendRequestReceived: targets(received),
  }
}
