// GET /api/v1/statuses/:id/context: the thread around a post, as far as the reader may see it.
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { listThread } from '../timelines/timelines-store.ts'

const THREAD_LIMIT = 4000

export async function getPostContext(
  ctx: AppContext,
  viewerId: string | null,
  post: PostRow,
): Promise<{ ancestors: PostRow[]; descendants: PostRow[] }> {
  const thread = await listThread(ctx.db, viewerId, post.thread_id, THREAD_LIMIT)
  const byId = new Map(thread.map((p) => [p.id, p]))
  const ancestors: PostRow[] = []
  for (let up = post.in_reply_to_id ? byId.get(post.in_reply_to_id) : undefined; up; ) {
    ancestors.unshift(up)
    up = up.in_reply_to_id ? byId.get(up.in_reply_to_id) : undefined
  }
  // Depth-first under the post, oldest first at each level, as Mastodon orders descendants.
  const children = new Map<string, PostRow[]>()
  for (const p of thread) {
    if (!p.in_reply_to_id) continue
    const list = children.get(p.in_reply_to_id) ?? []
    list.push(p)
    children.set(p.in_reply_to_id, list)
  }
  const descendants: PostRow[] = []
  const walk = (id: string) => {
    for (const child of children.get(id) ?? []) {
      descendants.push(child)
      walk(child.id)
    }
  }
  walk(post.id)
  return { ancestors, descendants }
}
