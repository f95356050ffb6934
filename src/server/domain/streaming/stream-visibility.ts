// The check at delivery time: of the readers on one instance, who may see this post now. Each
// distinct reader goes through findVisiblePost (the one audience rule), then their mutes, as in feeds.
import type { Db } from '../../db/connect.ts'
import type { PostRow } from '../../db/schema.ts'
import { findVisiblePost } from '../posts/posts-store.ts'

const CONCURRENCY = 16

/** `null` stands for a signed-out reader. Returns the post (when anyone may see it) and who may. */
export async function visibleReceivers(
  db: Db,
  postId: string,
  receivers: readonly (string | null)[],
  nowIso: string,
): Promise<{ post: PostRow | null; allowed: Set<string | null> }> {
  const allowed = new Set<string | null>()
  const queue = [...new Set(receivers)]
  const found: PostRow[] = []
  const work = async () => {
    for (let r = queue.shift(); r !== undefined; r = queue.shift()) {
      const seen = await findVisiblePost(db, r, postId)
      if (seen) {
        allowed.add(r)
        found.push(seen)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, work))
  const signedIn = [...allowed].filter((r): r is string => r !== null)
  const post = found[0] ?? null
  if (post && signedIn.length > 0) {
    const p = post
    const authors = [p.account_id, p.in_reply_to_account_id].filter((a): a is string => a !== null)
    const muted = await db
      .selectFrom('mutes')
      .select('account_id')
      .where('account_id', 'in', signedIn)
      .where('target_account_id', 'in', authors)
      .where((w) => w.or([w('expires_at', 'is', null), w('expires_at', '>', nowIso)]))
      .execute()
    for (const m of muted) if (m.account_id !== p.account_id) allowed.delete(m.account_id)
  }
  return { post, allowed }
}
