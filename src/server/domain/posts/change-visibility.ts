// Changing who may see a post after it is published (Kith: PUT /api/kith/v1/statuses/:id/visibility).
// Nothing needs to be pushed or pulled: every feed, page and stream re-checks `postVisibleTo` on read,
// so the new audience applies everywhere at once.
import type { AppContext } from '../../context.ts'
import type { PostRow, Visibility } from '../../db/schema.ts'
import { validationError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { narrower } from './create-post.ts'
import { listThreadShape, setVisibility } from './edits-store.ts'
import { deletePostRows, listSharesOf } from './interactions-store.ts'
import { adjustPostCounter, adjustStatusesCount, findPostById } from './posts-store.ts'
import { findOwnPost } from './target-post.ts'

const RANK: Record<Visibility, number> = { direct: 0, friends: 1, private: 2, unlisted: 3, public: 4 }
const isOpen = (v: Visibility) => v === 'public' || v === 'unlisted'

/**
 * Sets the audience, never wider than what the post answers or quotes (the rule of create-post.ts).
 * Narrowing also narrows the comments below it (a comment never reaches more people than its post)
 * and withdraws shares the new audience no longer allows: others' shares of a post that is no longer
 * public, and every share of a direct post. The author's own share follows the post's audience.
 */
export async function changePostVisibility(
  ctx: AppContext,
  viewer: Viewer,
  postId: string,
  requested: Visibility,
): Promise<PostRow> {
  const me = viewer.account.id
  const iso = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const post = await findOwnPost(trx, me, postId)
    if (post.reblog_of_id) throw validationError({ visibility: 'The audience of a share follows its post' })
    let visibility = requested
    for (const aboveId of [post.in_reply_to_id, post.quote_of_id]) {
      const above = aboveId ? await findPostById(trx, aboveId) : undefined
      if (above) visibility = narrower(visibility, above.visibility)
    }
    await setVisibility(trx, [post.id], visibility, iso)

    const children = new Map<string, { id: string; visibility: Visibility }[]>()
    for (const p of await listThreadShape(trx, post.thread_id)) {
      if (p.in_reply_to_id) children.set(p.in_reply_to_id, [...(children.get(p.in_reply_to_id) ?? []), p])
    }
    const below: string[] = []
    for (const queue = [post.id]; queue.length > 0; ) {
      for (const child of children.get(queue.pop()!) ?? []) {
        if (RANK[child.visibility] > RANK[visibility]) below.push(child.id)
        queue.push(child.id)
      }
    }
    await setVisibility(trx, below, visibility, iso)

    if (isOpen(visibility)) return
    const shares = await listSharesOf(trx, post.id)
    const withdrawn = shares.filter((s) => s.account_id !== me || visibility === 'direct')
    await deletePostRows(
      trx,
      withdrawn.map((s) => s.id),
    )
    for (const s of withdrawn) await adjustStatusesCount(trx, s.account_id, -1)
    if (withdrawn.length > 0) await adjustPostCounter(trx, post.id, 'reblogs_count', -withdrawn.length)
    await setVisibility(
      trx,
      shares.filter((s) => !withdrawn.includes(s)).map((s) => s.id),
      visibility,
      iso,
    )
  })
  return (await findPostById(ctx.db, postId))!
}
