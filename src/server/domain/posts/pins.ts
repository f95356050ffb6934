// Pinning one's own posts to the top of one's profile (GET /api/v1/accounts/:id/statuses?pinned=true).
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { validationError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { countPins, deleteMark, insertMark, lockAccount } from './interactions-store.ts'
import { findVisiblePost } from './posts-store.ts'
import { postNotFound } from './target-post.ts'

export const MAX_PINS = 5

/** Mastodon answers 422 for a share, someone else's post, a direct post, or one pin too many. */
export async function pinPost(ctx: AppContext, viewer: Viewer, postId: string): Promise<PostRow> {
  const me = viewer.account.id
  const now = ctx.clock.now()
  return ctx.db.transaction().execute(async (trx) => {
    const post = await findVisiblePost(trx, me, postId)
    if (!post) throw postNotFound()
    if (post.reblog_of_id) throw validationError({ id: 'A share cannot be pinned' })
    if (post.account_id !== me) throw validationError({ id: 'Only your own posts can be pinned' })
    if (post.visibility === 'direct') throw validationError({ id: 'Direct posts cannot be pinned' })
    // Serialises this person's pins, so two at once cannot pass the limit together.
    await lockAccount(trx, me)
    const row = { id: newId(now), account_id: me, post_id: post.id, created_at: now.toISOString() }
    if (await insertMark(trx, 'pins', row)) {
      if ((await countPins(trx, me)) > MAX_PINS) {
        throw validationError({ id: `You can pin at most ${MAX_PINS} posts` })
      }
    }
    return post
  })
}

export async function unpinPost(ctx: AppContext, viewer: Viewer, postId: string): Promise<PostRow> {
  const me = viewer.account.id
  const post = await findVisiblePost(ctx.db, me, postId)
  if (!post) throw postNotFound()
  await deleteMark(ctx.db, 'pins', me, post.id)
  return post
}
