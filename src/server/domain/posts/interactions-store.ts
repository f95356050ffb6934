// Queries for what people do to posts: reactions, shares, bookmarks, pins. Every "insert" reports
// whether a row was really added (and every "delete" whether one was removed), so callers move
// counters only on a real change and a repeated request changes nothing.
import type { ExpressionBuilder } from 'kysely'
import type { Db } from '../../db/connect.ts'
import { keysetPage, type Page, pageRows } from '../../db/paging.ts'
import type { Database, PostRow, ReactionKind } from '../../db/schema.ts'
import { postVisibleTo } from './visibility.ts'

/** Accounts a list of people may show the viewer: not suspended, not blocked either way. */
function listableAccount(viewerId: string | null, column: 'reactions.account_id' | 'posts.account_id') {
  return (eb: ExpressionBuilder<Database, 'reactions' | 'posts'>) => {
    const active = eb.exists(
      eb
        .selectFrom('accounts as who')
        .select('who.id')
        .whereRef('who.id', '=', column)
        .where('who.suspended_at', 'is', null),
    )
    if (viewerId === null) return active
    return eb.and([
      active,
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks as bl')
            .select('bl.id')
            .where((w) =>
              w.or([
                w.and([w('bl.account_id', '=', viewerId), w('bl.target_account_id', '=', w.ref(column))]),
                w.and([w('bl.account_id', '=', w.ref(column)), w('bl.target_account_id', '=', viewerId)]),
              ]),
            ),
        ),
      ),
    ])
  }
}

/**
 * Takes the post's row lock until the transaction ends (a no-op UPDATE), so concurrent shares of one
 * post run one after the other on PostgreSQL. SQLite has a single writer anyway.
 */
export async function lockPost(db: Db, postId: string): Promise<void> {
  await db
    .updateTable('posts')
    .set((eb) => ({ reblogs_count: eb.ref('reblogs_count') }))
    .where('id', '=', postId)
    .execute()
}

/** The same for an account: serialises one person's pins. */
export async function lockAccount(db: Db, accountId: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set((eb) => ({ statuses_count: eb.ref('statuses_count') }))
    .where('id', '=', accountId)
    .execute()
}

// Reactions ---------------------------------------------------------------------------------------

export type ReactionRow = { id: string; post_id: string; account_id: string; kind: ReactionKind; created_at: string }

/** Adds the reaction unless the person already has one on this post (the primary key decides). */
export async function insertReaction(db: Db, row: ReactionRow): Promise<boolean> {
  const added = await db
    .insertInto('reactions')
    .values(row)
    .onConflict((oc) => oc.columns(['post_id', 'account_id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return added !== undefined
}

export async function updateReactionKind(db: Db, postId: string, accountId: string, kind: ReactionKind) {
  await db
    .updateTable('reactions')
    .set({ kind })
    .where('post_id', '=', postId)
    .where('account_id', '=', accountId)
    .execute()
}

export async function deleteReaction(db: Db, postId: string, accountId: string): Promise<boolean> {
  const gone = await db
    .deleteFrom('reactions')
    .where('post_id', '=', postId)
    .where('account_id', '=', accountId)
    .returning('id')
    .executeTakeFirst()
  return gone !== undefined
}

/** Who reacted to a post, newest first, paged by reaction id. */
export async function listReactionsOnPost(
  db: Db,
  viewerId: string | null,
  postId: string,
  kind: ReactionKind | null,
  page: Page,
): Promise<ReactionRow[]> {
  const q = db
    .selectFrom('reactions')
    .select(['reactions.id', 'reactions.post_id', 'reactions.account_id', 'reactions.kind', 'reactions.created_at'])
    .where('reactions.post_id', '=', postId)
    .$if(kind !== null, (w) => w.where('reactions.kind', '=', kind!))
    .where((eb) => listableAccount(viewerId, 'reactions.account_id')(eb as never))
  return pageRows(await keysetPage(q, 'reactions.id', page).execute(), page)
}

/** The posts a person reacted to and may still see, paged by reaction id (GET /api/v1/favourites). */
export async function listReactedPosts(db: Db, accountId: string, page: Page) {
  const q = db
    .selectFrom('reactions')
    .innerJoin('posts', 'posts.id', 'reactions.post_id')
    .selectAll('posts')
    .select('reactions.id as cursor_id')
    .where('reactions.account_id', '=', accountId)
    .where((eb) => postVisibleTo(accountId)(eb as never))
  return pageRows(await keysetPage(q, 'reactions.id', page).execute(), page)
}

// Shares ------------------------------------------------------------------------------------------

export async function findShares(db: Db, accountId: string, originalId: string): Promise<PostRow[]> {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('reblog_of_id', '=', originalId)
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute()
}

export async function listSharesOf(db: Db, originalId: string): Promise<{ id: string; account_id: string }[]> {
  return db.selectFrom('posts').select(['id', 'account_id']).where('reblog_of_id', '=', originalId).execute()
}

export async function deletePostRows(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await db.deleteFrom('posts').where('id', 'in', ids).execute()
}

/** Who shared a post, as far as the viewer may see each share, paged by the share's id. */
export async function listSharers(db: Db, viewerId: string | null, originalId: string, page: Page) {
  const q = db
    .selectFrom('posts')
    .select(['posts.id', 'posts.account_id'])
    .where('posts.reblog_of_id', '=', originalId)
    .where(postVisibleTo(viewerId))
    .where((eb) => listableAccount(viewerId, 'posts.account_id')(eb as never))
  return pageRows(await keysetPage(q, 'posts.id', page).execute(), page)
}

// Bookmarks and pins ------------------------------------------------------------------------------

type MarkRow = { id: string; account_id: string; post_id: string; created_at: string }

export async function insertMark(db: Db, table: 'bookmarks' | 'pins', row: MarkRow): Promise<boolean> {
  const added = await db
    .insertInto(table)
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'post_id']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return added !== undefined
}

export async function deleteMark(db: Db, table: 'bookmarks' | 'pins', accountId: string, postId: string) {
  const gone = await db
    .deleteFrom(table)
    .where('account_id', '=', accountId)
    .where('post_id', '=', postId)
    .returning('id')
    .executeTakeFirst()
  return gone !== undefined
}

export async function countPins(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('pins')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Bookmarked posts the person may still see, paged by bookmark id. */
export async function listBookmarkedPosts(db: Db, accountId: string, page: Page) {
  const q = db
    .selectFrom('bookmarks')
    .innerJoin('posts', 'posts.id', 'bookmarks.post_id')
    .selectAll('posts')
    .select('bookmarks.id as cursor_id')
    .where('bookmarks.account_id', '=', accountId)
    .where((eb) => postVisibleTo(accountId)(eb as never))
  return pageRows(await keysetPage(q, 'bookmarks.id', page).execute(), page)
}
