import type { Db } from '../../db/connect.ts'
import type { PostRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { findVisiblePost } from './posts-store.ts'

export const postNotFound = () => new AppError('not_found', 'Record not found')

/**
 * The post a reaction, bookmark or share lands on, if the viewer may see it (else 404, never 403).
 * A share stands for its original, as Mastodon's Favourite and Bookmark models redirect to it.
 */
export async function findTargetPost(db: Db, viewerId: string, id: string): Promise<PostRow> {
  const post = await findVisiblePost(db, viewerId, id)
  if (!post) throw postNotFound()
  if (!post.reblog_of_id) return post
  const original = await findVisiblePost(db, viewerId, post.reblog_of_id)
  if (!original) throw postNotFound()
  return original
}

/** The viewer's own post (a share included), else 404: someone else's post is not theirs to change. */
export async function findOwnPost(db: Db, viewerId: string, id: string): Promise<PostRow> {
  const post = await findVisiblePost(db, viewerId, id)
  if (!post || post.account_id !== viewerId) throw postNotFound()
  return post
}
