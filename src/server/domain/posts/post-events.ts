// What happens after a post is committed: it joins its readers' home feeds at once, and its first
// link is queued for a preview card.
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { enqueueLinkPreview } from '../link-previews/fetch-link-preview.ts'
import { announcePostCreated } from '../notifications/post-announcements.ts'

export async function afterPostCreated(ctx: AppContext, post: PostRow, urls: string[]): Promise<void> {
  const inHome = post.in_reply_to_id === null || post.in_reply_to_account_id === post.account_id
  if (ctx.homeFeeds && inHome) {
    const followers = await ctx.db
      .selectFrom('follows')
      .select('account_id')
      .where('target_account_id', '=', post.account_id)
      .execute()
    ctx.homeFeeds.push([post.account_id, ...followers.map((f) => f.account_id)], post.id)
  }
  await enqueueLinkPreview(ctx, post.id, urls)
  // Streams, notifications (mentions, comments, shares, quotes) and a poll's end.
  await announcePostCreated(ctx, post)
}
