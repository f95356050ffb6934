// Sharing a post as is (Mastodon's reblog): a posts row with `reblog_of_id`, shown in the sharer's
// followers' home feeds. Others may share only public and unlisted posts; the author may share their
// own followers- or friends-only post, to the same audience only (Mastodon's rule for private posts).
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Page } from '../../db/paging.ts'
import type { PostRow, Visibility } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { prepareDeleteAnnouncement } from '../notifications/post-announcements.ts'
import { deletePostRows, findShares, listSharers, lockPost } from './interactions-store.ts'
import { afterPostCreated } from './post-events.ts'
import { adjustPostCounter, adjustStatusesCount, findPostById, findVisiblePost, insertPost } from './posts-store.ts'
import { findTargetPost, postNotFound } from './target-post.ts'

export type ShareVisibility = Extract<Visibility, 'public' | 'unlisted' | 'private' | 'friends'>

const isOpen = (v: Visibility) => v === 'public' || v === 'unlisted'

/** Shares the post (a share of a share shares the original). Sharing again returns the first share. */
export async function reblogPost(
  ctx: AppContext,
  viewer: Viewer,
  postId: string,
  requested: ShareVisibility | undefined,
): Promise<PostRow> {
  const me = viewer.account.id
  const now = ctx.clock.now()
  const iso = now.toISOString()
  const { share, created } = await ctx.db.transaction().execute(async (trx) => {
    const original = await findTargetPost(trx, me, postId)
    if (original.visibility === 'direct' || (!isOpen(original.visibility) && original.account_id !== me)) {
      throw new AppError('forbidden', 'Only public posts can be shared', { reason: 'not_shareable' })
    }
    // Serialises concurrent shares of this post, so the check below sees any share just committed.
    await lockPost(trx, original.id)
    const [existing] = await findShares(trx, me, original.id)
    if (existing) return { share: existing, created: false }
    const id = newId(now)
    const row: PostRow = {
      id,
      account_id: me,
      thread_id: id,
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      reblog_of_id: original.id,
      quote_of_id: null,
      group_id: null,
      text: '',
      content_html: '',
      spoiler_text: '',
      sensitive: 0,
      visibility: isOpen(original.visibility) ? (requested ?? 'public') : original.visibility,
      language: null,
      app_id: viewer.appId,
      poll_id: null,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      quotes_count: 0,
      created_at: iso,
      edited_at: null,
      updated_at: iso,
      version: 0,
    }
    await insertPost(trx, row)
    await adjustPostCounter(trx, original.id, 'reblogs_count', 1)
    await adjustStatusesCount(trx, me, 1, iso)
    return { share: row, created: true }
  })
  if (created) await afterPostCreated(ctx, share, [])
  return share
}

/** Removes the viewer's share of the post, if any. Returns the original, counters fresh. */
export async function unreblogPost(ctx: AppContext, viewer: Viewer, postId: string): Promise<PostRow> {
  const me = viewer.account.id
  const { original, shares } = await ctx.db.transaction().execute(async (trx) => {
    const post = await findTargetPost(trx, me, postId)
    await lockPost(trx, post.id)
    const shares = await findShares(trx, me, post.id)
    await deletePostRows(
      trx,
      shares.map((s) => s.id),
    )
    if (shares.length > 0) {
      await adjustPostCounter(trx, post.id, 'reblogs_count', -shares.length)
      await adjustStatusesCount(trx, me, -shares.length)
    }
    return { original: post, shares }
  })
  // Open streams drop the share (its readers are found from the follows, still there after the commit).
  for (const share of shares) await (await prepareDeleteAnnouncement(ctx, share))()
  return (await findPostById(ctx.db, original.id))!
}

/** GET /api/v1/statuses/:id/reblogged_by: the sharers whose share the viewer may see. */
export async function listRebloggedBy(ctx: AppContext, viewerId: string | null, postId: string, page: Page) {
  let post = await findVisiblePost(ctx.db, viewerId, postId)
  if (post?.reblog_of_id) post = await findVisiblePost(ctx.db, viewerId, post.reblog_of_id)
  if (!post) throw postNotFound()
  return listSharers(ctx.db, viewerId, post.id, page)
}
