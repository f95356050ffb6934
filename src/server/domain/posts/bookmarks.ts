// Bookmarks: private to their owner, on any post they may see. A share is bookmarked as its original.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Page } from '../../db/paging.ts'
import type { PostRow } from '../../db/schema.ts'
import type { Viewer } from '../auth/viewer.ts'
import { deleteMark, insertMark, listBookmarkedPosts } from './interactions-store.ts'
import { findTargetPost } from './target-post.ts'

export async function bookmarkPost(ctx: AppContext, viewer: Viewer, postId: string): Promise<PostRow> {
  const me = viewer.account.id
  const now = ctx.clock.now()
  return ctx.db.transaction().execute(async (trx) => {
    const post = await findTargetPost(trx, me, postId)
    await insertMark(trx, 'bookmarks', {
      id: newId(now),
      account_id: me,
      post_id: post.id,
      created_at: now.toISOString(),
    })
    return post
  })
}

export async function unbookmarkPost(ctx: AppContext, viewer: Viewer, postId: string): Promise<PostRow> {
  const me = viewer.account.id
  const post = await findTargetPost(ctx.db, me, postId)
  await deleteMark(ctx.db, 'bookmarks', me, post.id)
  return post
}

/** GET /api/v1/bookmarks: newest bookmark first; posts the viewer may no longer see are left out. */
export async function listBookmarks(ctx: AppContext, viewer: Viewer, page: Page) {
  const rows = await listBookmarkedPosts(ctx.db, viewer.account.id, page)
  return rows.map(({ cursor_id, ...post }) => ({ cursor: cursor_id, post: post as PostRow }))
}
