// Batched lookups for presenting a page of posts: one query per kind of data, never one per post.
import { sql } from 'kysely'
import type { Db } from '../../db/connect.ts'
import { idIn } from '../../db/dialect.ts'
import type { MediaRow } from '../../db/schema.ts'

const groupBy = <T, K extends string>(rows: T[], key: (r: T) => K) => {
  const out = new Map<K, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}

export async function listMediaByPosts(db: Db, postIds: string[]): Promise<Map<string, MediaRow[]>> {
  if (postIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('media_attachments')
    .selectAll()
    .where(idIn(db, 'post_id', postIds))
    .orderBy('position')
    .execute()
  return groupBy(rows, (r) => r.post_id!)
}

export async function listMentionsByPosts(db: Db, postIds: string[]) {
  if (postIds.length === 0) return new Map<string, { post_id: string; account_id: string; username: string }[]>()
  const rows = await db
    .selectFrom('post_mentions')
    .innerJoin('accounts', 'accounts.id', 'post_mentions.account_id')
    .select(['post_mentions.post_id', 'post_mentions.account_id', 'accounts.username'])
    .where(idIn(db, 'post_mentions.post_id', postIds))
    .execute()
  return groupBy(rows, (r) => r.post_id)
}

export async function listTagsByPosts(db: Db, postIds: string[]) {
  if (postIds.length === 0) return new Map<string, { post_id: string; name: string }[]>()
  const rows = await db
    .selectFrom('post_tags')
    .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
    .select(['post_tags.post_id', 'tags.name'])
    .where(idIn(db, 'post_tags.post_id', postIds))
    .execute()
  return groupBy(rows, (r) => r.post_id)
}

/**
 * Reaction counts per post and kind (kept by triggers in post_reaction_counts), and in the same query
 * the viewer's own reaction, as rows with `mine = 1`.
 */
export async function countReactionsByPosts(db: Db, postIds: string[], viewerId: string | null = null) {
  if (postIds.length === 0) return new Map<string, { post_id: string; kind: string; n: number; mine: number }[]>()
  const rows = await db
    .selectFrom('post_reaction_counts')
    .select(['post_id', 'kind', 'n', sql<number>`0`.as('mine')])
    .where(idIn(db, 'post_id', postIds))
    .where('n', '>', 0)
    .unionAll(
      db
        .selectFrom('reactions')
        .select(['post_id', 'kind', sql<number>`0`.as('n'), sql<number>`1`.as('mine')])
        .where('account_id', '=', viewerId ?? '')
        .where(idIn(db, 'post_id', postIds)),
    )
    .execute()
  return groupBy(
    rows.map((r) => ({ ...r, n: Number(r.n), mine: Number(r.mine) })),
    (r) => r.post_id,
  )
}

/** Which of these posts the viewer shared, bookmarked or pinned, in one query. */
export async function findViewerFlags(db: Db, viewerId: string, postIds: string[]) {
  const out = { reblogged: new Set<string>(), bookmarked: new Set<string>(), pinned: new Set<string>() }
  if (postIds.length === 0) return out
  const rows = await db
    .selectFrom('posts')
    .select([sql<string>`'r'`.as('k'), 'reblog_of_id as post_id'])
    .where('account_id', '=', viewerId)
    .where(idIn(db, 'reblog_of_id', postIds))
    .unionAll(
      db
        .selectFrom('bookmarks')
        .select([sql<string>`'b'`.as('k'), 'post_id'])
        .where('account_id', '=', viewerId)
        .where(idIn(db, 'post_id', postIds)),
    )
    .unionAll(
      db
        .selectFrom('pins')
        .select([sql<string>`'p'`.as('k'), 'post_id'])
        .where('account_id', '=', viewerId)
        .where(idIn(db, 'post_id', postIds)),
    )
    .execute()
  for (const r of rows) {
    const set = r.k === 'r' ? out.reblogged : r.k === 'b' ? out.bookmarked : out.pinned
    set.add(r.post_id!)
  }
  return out
}

export async function listPollsByIds(db: Db, pollIds: string[], viewerId: string | null) {
  if (pollIds.length === 0) return { polls: new Map(), options: new Map(), votes: new Map() }
  const [polls, options, votes] = await Promise.all([
    db
      .selectFrom('polls')
      .selectAll()
      .where(idIn(db, 'id', pollIds))
      .execute(),
    db
      .selectFrom('poll_options')
      .selectAll()
      .where(idIn(db, 'poll_id', pollIds))
      .orderBy('position')
      .execute(),
    viewerId
      ? db
          .selectFrom('poll_votes')
          .select(['poll_id', 'position'])
          .where(idIn(db, 'poll_id', pollIds))
          .where('account_id', '=', viewerId)
          .execute()
      : Promise.resolve([]),
  ])
  return {
    polls: new Map(polls.map((p) => [p.id, p])),
    options: groupBy(options, (o) => o.poll_id),
    votes: groupBy(votes, (v) => v.poll_id),
  }
}

export async function listCardsByPosts(db: Db, postIds: string[]) {
  if (postIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('post_cards')
    .innerJoin('preview_cards', 'preview_cards.id', 'post_cards.card_id')
    .selectAll('preview_cards')
    .select('post_cards.post_id')
    .where(idIn(db, 'post_cards.post_id', postIds))
    .where('preview_cards.status', '=', 'ok')
    .execute()
  return new Map(rows.map((r) => [r.post_id, r]))
}

export async function listAppsByIds(db: Db, appIds: string[]) {
  if (appIds.length === 0) return new Map<string, { id: string; name: string; website: string | null }>()
  const rows = await db
    .selectFrom('oauth_apps')
    .select(['id', 'name', 'website'])
    .where(idIn(db, 'id', appIds))
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}

export async function findAccountsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .where(idIn(db, 'id', ids))
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}
