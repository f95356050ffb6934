import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { deleteMedia } from '../media/storage.ts'
import { prepareDeleteAnnouncement } from '../notifications/post-announcements.ts'
import { adjustPostCounter, adjustStatusesCount, findPostById } from './posts-store.ts'

/**
 * Deletes a post and its photos; shares of it go too (as on Mastodon), comments stay.
 * Feeds need no update: every read re-checks the database, so the post vanishes everywhere at once.
 */
export async function deletePost(ctx: AppContext, viewer: Viewer, postId: string): Promise<PostRow> {
  const post = await findPostById(ctx.db, postId)
  // Someone else's post answers 404, as if it did not exist.
  if (!post || post.account_id !== viewer.account.id) throw new AppError('not_found', 'Record not found')
  await destroyPost(ctx, post)
  return post
}

/** The deletion itself, for the author above and for moderators removing content (domain/reports). */
export async function destroyPost(ctx: AppContext, post: PostRow): Promise<void> {
  const announceDeleted = await prepareDeleteAnnouncement(ctx, post)
  const mediaKeys = await ctx.db.transaction().execute(async (trx) => {
    const media = await trx.selectFrom('media_attachments').select('file_key').where('post_id', '=', post.id).execute()
    const shares = await trx
      .selectFrom('posts')
      .select(['id', 'account_id'])
      .where('reblog_of_id', '=', post.id)
      .execute()
    for (const share of shares) {
      await trx.deleteFrom('posts').where('id', '=', share.id).execute()
      await adjustStatusesCount(trx, share.account_id, -1)
    }
    await trx.deleteFrom('posts').where('id', '=', post.id).execute()
    await adjustStatusesCount(trx, post.account_id, -1)
    if (post.in_reply_to_id) await adjustPostCounter(trx, post.in_reply_to_id, 'replies_count', -1)
    if (post.reblog_of_id) await adjustPostCounter(trx, post.reblog_of_id, 'reblogs_count', -1)
    if (post.quote_of_id) await adjustPostCounter(trx, post.quote_of_id, 'quotes_count', -1)
    return media.map((m) => m.file_key)
  })
  await announceDeleted()
  for (const key of mediaKeys)
    await deleteMedia(ctx, key).catch((err) => ctx.log.warn({ err, key }, 'media delete failed'))
}
