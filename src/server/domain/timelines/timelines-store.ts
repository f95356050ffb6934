// The timeline queries. Each one pages by post id (time order) and filters through postVisibleTo,
// so a feed can never hold a post its reader may not see.
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { Db } from '../../db/connect.ts'
import { idIn, isPostgres } from '../../db/dialect.ts'
import type { Database, PostRow } from '../../db/schema.ts'
import { notMutedBy, postVisibleTo } from '../posts/visibility.ts'

export type IdPage = { maxId: string | null; sinceId: string | null; minId: string | null; limit: number }
type PostsQuery = SelectQueryBuilder<Database, 'posts', PostRow>

/** Applies the id window; min_id pages upward and is reversed back to newest first. */
export async function runPaged(query: PostsQuery, page: IdPage): Promise<PostRow[]> {
  let q = query
  if (page.maxId) q = q.where('posts.id', '<', page.maxId)
  if (page.sinceId) q = q.where('posts.id', '>', page.sinceId)
  if (page.minId) {
    const rows = await q.where('posts.id', '>', page.minId).orderBy('posts.id', 'asc').limit(page.limit).execute()
    return rows.reverse()
  }
  return q.orderBy('posts.id', 'desc').limit(page.limit).execute()
}

/**
 * Home: the reader's own posts and shares, and those of everyone they follow (friends follow each
 * other), without comments on other people's posts (those live under the post, as on Facebook).
 */
export function homeQuery(db: Db, viewerId: string, nowIso: string): PostsQuery {
  return db
    .selectFrom('posts')
    .selectAll('posts')
    .where(byHomeAuthors(viewerId))
    .where(notACommentOnOthers)
    .where(postVisibleTo(viewerId))
    .where(notMutedBy(viewerId, nowIso))
}

/** Posts by the reader or by someone they follow (friends follow each other). */
function byHomeAuthors(viewerId: string) {
  return (eb: ExpressionBuilder<Database, 'posts'>) =>
    eb.or([
      eb('posts.account_id', '=', viewerId),
      eb(
        'posts.account_id',
        'in',
        eb.selectFrom('follows').select('follows.target_account_id').where('follows.account_id', '=', viewerId),
      ),
    ])
}

/** Top-level posts, and an author's replies to themselves (threads); comments live under their post. */
function notACommentOnOthers(eb: ExpressionBuilder<Database, 'posts'>) {
  return eb.or([
    eb('posts.in_reply_to_id', 'is', null),
    eb('posts.in_reply_to_account_id', '=', eb.ref('posts.account_id')),
  ])
}

/**
 * The newest `limit` IDs by the reader and those they follow in (floor, maxId), before the audience
 * rules: cheap index seeks per followee, so the costly visibility checks then run on a page's worth
 * of rows instead of on every post of the window.
 */
export async function homeCandidateIds(
  db: Db,
  viewerId: string,
  window: { floor: string; maxId: string | null },
  limit: number,
): Promise<string[]> {
  if (isPostgres(db)) return homeCandidateIdsLateral(db, viewerId, window, limit)
  const rows = await db
    .selectFrom('posts')
    .select('posts.id')
    .where(byHomeAuthors(viewerId))
    .where(notACommentOnOthers)
    .where('posts.id', '>', window.floor)
    .$if(window.maxId !== null, (q) => q.where('posts.id', '<', window.maxId!))
    .orderBy('posts.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * PostgreSQL plans the query above as a backward scan of every post filtered by a hashed followee
 * list (6,600 rows read for a page at size M, 76 ms). Asking each followee for their newest posts
 * (LATERAL, one index range on posts(account_id, id) each) and merging reads a page per followee at
 * most. SQLite has no LATERAL and already seeks per followee, so it keeps the shared form.
 */
async function homeCandidateIdsLateral(
  db: Db,
  viewerId: string,
  window: { floor: string; maxId: string | null },
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom(
      db
        .selectFrom('follows')
        .select('follows.target_account_id as author_id')
        .where('follows.account_id', '=', viewerId)
        .unionAll(db.selectNoFrom(sql<string>`${viewerId}::text`.as('author_id')))
        .as('authors'),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('posts')
          .select('posts.id')
          .whereRef('posts.account_id', '=', 'authors.author_id')
          .where(notACommentOnOthers)
          .where('posts.id', '>', window.floor)
          .$if(window.maxId !== null, (q) => q.where('posts.id', '<', window.maxId!))
          .orderBy('posts.id', 'desc')
          .limit(limit)
          .as('p'),
      (join) => join.onTrue(),
    )
    .select('p.id')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** Of these candidate IDs, the posts that still belong in the reader's home feed, newest first. */
export async function filterHomePosts(db: Db, viewerId: string, nowIso: string, ids: string[]): Promise<PostRow[]> {
  if (ids.length === 0) return []
  return homeQuery(db, viewerId, nowIso)
    .where(idIn(db, 'posts.id', ids))
    .orderBy('posts.id', 'desc')
    .execute()
}

/** The site's public timeline: public top-level posts (no shares, no comments). */
export function publicQuery(db: Db, viewerId: string | null, nowIso: string, onlyMedia: boolean): PostsQuery {
  return db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.visibility', '=', 'public')
    .where('posts.reblog_of_id', 'is', null)
    .where('posts.in_reply_to_id', 'is', null)
    .where(postVisibleTo(viewerId))
    .$if(viewerId !== null, (q) => q.where(notMutedBy(viewerId!, nowIso)))
    .$if(onlyMedia, (q) => q.where(hasMedia))
}

export function tagQuery(db: Db, viewerId: string | null, nowIso: string, tag: string, onlyMedia: boolean): PostsQuery {
  return db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.id', 'in', (eb) =>
      eb
        .selectFrom('post_tags')
        .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
        .select('post_tags.post_id')
        .where('tags.name_lower', '=', tag.toLowerCase()),
    )
    .where('posts.visibility', 'in', viewerId ? ['public', 'unlisted', 'private', 'friends'] : ['public'])
    .where(postVisibleTo(viewerId))
    .$if(viewerId !== null, (q) => q.where(notMutedBy(viewerId!, nowIso)))
    .$if(onlyMedia, (q) => q.where(hasMedia))
}

export type AccountFilter = {
  excludeReplies: boolean
  excludeReblogs: boolean
  onlyMedia: boolean
  pinned: boolean
  tagged?: string
}

export function accountQuery(db: Db, viewerId: string | null, accountId: string, f: AccountFilter): PostsQuery {
  return db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.account_id', '=', accountId)
    .where(postVisibleTo(viewerId))
    .$if(f.excludeReplies, (q) =>
      q.where((eb) =>
        eb.or([eb('posts.in_reply_to_id', 'is', null), eb('posts.in_reply_to_account_id', '=', accountId)]),
      ),
    )
    .$if(f.excludeReblogs, (q) => q.where('posts.reblog_of_id', 'is', null))
    .$if(f.onlyMedia, (q) => q.where(hasMedia))
    .$if(f.pinned, (q) =>
      q.where('posts.id', 'in', (eb) =>
        eb.selectFrom('pins').select('pins.post_id').where('pins.account_id', '=', accountId),
      ),
    )
    .$if(f.tagged !== undefined, (q) =>
      q.where('posts.id', 'in', (eb) =>
        eb
          .selectFrom('post_tags')
          .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
          .select('post_tags.post_id')
          .where('tags.name_lower', '=', f.tagged!.toLowerCase()),
      ),
    )
}

function hasMedia(eb: ExpressionBuilder<Database, 'posts'>) {
  return eb.exists(eb.selectFrom('media_attachments as ma').select('ma.id').whereRef('ma.post_id', '=', 'posts.id'))
}

/** Every post of one thread the reader may see, for building ancestors and descendants. */
export async function listThread(db: Db, viewerId: string | null, threadId: string, limit: number): Promise<PostRow[]> {
  return db
    .selectFrom('posts')
    .selectAll('posts')
    .where('posts.thread_id', '=', threadId)
    .where('posts.reblog_of_id', 'is', null)
    .where(postVisibleTo(viewerId))
    .orderBy('posts.id', 'asc')
    .limit(limit)
    .execute()
}
