// GET /api/v1/statuses/:id/history and /source: the versions of a post, and its text for editing.
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { listPostEdits, listPostMedia, type PostEditRow } from './edits-store.ts'
import { listPollTitles } from './polls-store.ts'
import { findVisiblePost } from './posts-store.ts'
import { findOwnPost, postNotFound } from './target-post.ts'

/**
 * Every version, oldest first, for anyone who may see the post. A post never edited has one
 * version, itself (as Mastodon answers).
 */
export async function listPostHistory(
  ctx: AppContext,
  viewerId: string | null,
  postId: string,
): Promise<{ post: PostRow; versions: PostEditRow[] }> {
  const post = await findVisiblePost(ctx.db, viewerId, postId)
  if (!post) throw postNotFound()
  const versions = await listPostEdits(ctx.db, post.id)
  if (versions.length > 0) return { post, versions }
  const media = await listPostMedia(ctx.db, post.id)
  const current: PostEditRow = {
    id: post.id,
    post_id: post.id,
    text: post.text,
    content_html: post.content_html,
    spoiler_text: post.spoiler_text,
    sensitive: post.sensitive,
    media_ids: media.map((m) => m.id).join(' '),
    poll_options: post.poll_id ? JSON.stringify(await listPollTitles(ctx.db, post.poll_id)) : null,
    created_at: post.edited_at ?? post.created_at,
  }
  return { post, versions: [current] }
}

/** The author's own text, for the edit form; anyone else gets 404. */
export async function getPostSource(ctx: AppContext, viewerId: string, postId: string): Promise<PostRow> {
  return findOwnPost(ctx.db, viewerId, postId)
}
