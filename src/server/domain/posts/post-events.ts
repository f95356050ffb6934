// What happens after a post is committed: it joins its readers' home feeds at once, and its first
// link is queued for a preview card.
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { listFollowerIds } from '../graph/graph-store.ts'
import { enqueueLinkPreview } from '../link-previews/fetch-link-preview.ts'
import { announcePostCreated } from '../notifications/post-announcements.ts'

export async function afterPostCreated(ctx: AppContext, post: PostRow, urls: string[]): Promise<void> {
  const inHome = post.in_reply_to_id === null || post.in_reply_to_account_id === post.account_id
  // Read once for the home feeds and the streams alike.
  const followers = inHome ? await listFollowerIds(ctx.db, post.account_id) : []
  if (ctx.homeFeeds && inHome) ctx.homeFeeds.push([post.account_id, ...followers], post.id)
  await enqueueLinkPreview(ctx, post.id, urls)
  // Streams, notifications (mentions, comments, shares, quotes) and a poll's end.
  await announcePostCreated(ctx, post, followers)
}
