// Reactions: one per person per post or comment, changeable. Like is Mastodon's favourite, and
// `favourites_count` counts every kind, so Mastodon clients see the total.
import { newId } from '#shared/id.ts'
import { REACTIONS } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../context.ts'
import type { Page } from '../../db/paging.ts'
import type { PostRow, ReactionKind } from '../../db/schema.ts'
import { validationError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { notify } from '../notifications/create-notifications.ts'
import {
  deleteReaction,
  insertReaction,
  listReactedPosts,
  listReactionsOnPost,
  type ReactionRow,
  updateReactionKind,
} from './interactions-store.ts'
import { adjustPostCounter, findPostById, findVisiblePost } from './posts-store.ts'
import { findTargetPost, postNotFound } from './target-post.ts'

export function isReactionKind(kind: string): kind is ReactionKind {
  return (REACTIONS as readonly string[]).includes(kind)
}

/** Sets the viewer's reaction (or changes its kind). Returns the post, counters fresh. */
export async function reactToPost(ctx: AppContext, viewer: Viewer, postId: string, kind: string): Promise<PostRow> {
  if (!isReactionKind(kind)) throw validationError({ kind: `A reaction is one of ${REACTIONS.join(', ')}` })
  return react(ctx, viewer, postId, kind, true)
}

/** POST /api/v1/statuses/:id/favourite: a like, unless the viewer already reacted (any kind stays). */
export async function favouritePost(ctx: AppContext, viewer: Viewer, postId: string): Promise<PostRow> {
  return react(ctx, viewer, postId, 'like', false)
}

async function react(ctx: AppContext, viewer: Viewer, postId: string, kind: ReactionKind, change: boolean) {
  const me = viewer.account.id
  const now = ctx.clock.now()
  const target = await ctx.db.transaction().execute(async (trx) => {
    const post = await findTargetPost(trx, me, postId)
    const row = { id: newId(now), post_id: post.id, account_id: me, kind, created_at: now.toISOString() }
    if (await insertReaction(trx, row)) await adjustPostCounter(trx, post.id, 'favourites_count', 1)
    else if (change) await updateReactionKind(trx, post.id, me, kind)
    return post
  })
  // The job reads the reaction as it then is; telling twice is prevented there.
  await notify(ctx, { type: 'reaction', postId: target.id, accountId: me })
  return (await findPostById(ctx.db, target.id))!
}

/** Removes whatever reaction the viewer has (unfavourite, or Kith's DELETE …/reaction). */
export async function removeReaction(ctx: AppContext, viewer: Viewer, postId: string): Promise<PostRow> {
  const me = viewer.account.id
  const target = await ctx.db.transaction().execute(async (trx) => {
    const post = await findTargetPost(trx, me, postId)
    if (await deleteReaction(trx, post.id, me)) await adjustPostCounter(trx, post.id, 'favourites_count', -1)
    return post
  })
  return (await findPostById(ctx.db, target.id))!
}

/** Who reacted (optionally only with one kind), for anyone who may see the post. */
export async function listReactions(
  ctx: AppContext,
  viewerId: string | null,
  postId: string,
  kind: string | null,
  page: Page,
): Promise<ReactionRow[]> {
  if (kind !== null && !isReactionKind(kind)) {
    throw validationError({ kind: `A reaction is one of ${REACTIONS.join(', ')}` })
  }
  let post = await findVisiblePost(ctx.db, viewerId, postId)
  if (post?.reblog_of_id) post = await findVisiblePost(ctx.db, viewerId, post.reblog_of_id)
  if (!post) throw postNotFound()
  return listReactionsOnPost(ctx.db, viewerId, post.id, kind, page)
}

/** GET /api/v1/favourites: what the viewer reacted to and may still see, newest reaction first. */
export async function listFavourites(ctx: AppContext, viewer: Viewer, page: Page) {
  const rows = await listReactedPosts(ctx.db, viewer.account.id, page)
  return rows.map(({ cursor_id, ...post }) => ({ cursor: cursor_id, post: post as PostRow }))
}
