import type { Db } from '../../db/connect.ts'
import { idIn } from '../../db/dialect.ts'
import type { PostRow } from '../../db/schema.ts'
import { postVisibleTo } from './visibility.ts'

export async function insertPost(db: Db, row: PostRow): Promise<void> {
  await db.insertInto('posts').values(row).execute()
}

export async function findPostById(db: Db, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The post, if the viewer may see it; otherwise undefined (callers answer 404, never 403). */
export async function findVisiblePost(db: Db, viewerId: string | null, id: string): Promise<PostRow | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).where(postVisibleTo(viewerId)).executeTakeFirst()
}

export async function findVisiblePosts(db: Db, viewerId: string | null, ids: readonly string[]): Promise<PostRow[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('posts')
    .selectAll()
    .where(idIn(db, 'posts.id', ids))
    .where(postVisibleTo(viewerId))
    .execute()
}

export async function findPostsByIds(db: Db, ids: readonly string[]): Promise<PostRow[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('posts')
    .selectAll()
    .where(idIn(db, 'posts.id', ids))
    .execute()
}

export async function insertMentions(db: Db, postId: string, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return
  await db
    .insertInto('post_mentions')
    .values(accountIds.map((account_id) => ({ post_id: postId, account_id })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function replaceMentions(db: Db, postId: string, accountIds: readonly string[]): Promise<void> {
  await db.deleteFrom('post_mentions').where('post_id', '=', postId).execute()
  await insertMentions(db, postId, accountIds)
}

/** Finds or creates the tags and links them to the post. */
export async function replaceTags(
  db: Db,
  postId: string,
  names: readonly string[],
  newTagId: () => string,
  now: string,
) {
  await db.deleteFrom('post_tags').where('post_id', '=', postId).execute()
  for (const name of names) {
    await db
      .insertInto('tags')
      .values({ id: newTagId(), name, name_lower: name.toLowerCase(), created_at: now })
      .onConflict((oc) => oc.column('name_lower').doNothing())
      .execute()
    const tag = await db
      .selectFrom('tags')
      .select('id')
      .where('name_lower', '=', name.toLowerCase())
      .executeTakeFirstOrThrow()
    await db
      .insertInto('post_tags')
      .values({ tag_id: tag.id, post_id: postId })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

export async function adjustPostCounter(
  db: Db,
  postId: string,
  column: 'replies_count' | 'reblogs_count' | 'favourites_count' | 'quotes_count',
  delta: number,
): Promise<void> {
  await db
    .updateTable('posts')
    .set((eb) => ({ [column]: eb(column, '+', delta) }))
    .where('id', '=', postId)
    .execute()
}

export async function adjustStatusesCount(db: Db, accountId: string, delta: number, lastStatusAt?: string) {
  await db
    .updateTable('accounts')
    .set((eb) => ({
      statuses_count: eb('statuses_count', '+', delta),
      ...(lastStatusAt ? { last_status_at: lastStatusAt } : {}),
    }))
    .where('id', '=', accountId)
    .execute()
}

export async function findAccountIdsByUsernames(db: Db, canonicals: readonly string[]): Promise<Map<string, string>> {
  if (canonicals.length === 0) return new Map()
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'username_canonical'])
    .where('username_canonical', 'in', [...canonicals])
    .where('suspended_at', 'is', null)
    .execute()
  return new Map(rows.map((r) => [r.username_canonical, r.id]))
}
