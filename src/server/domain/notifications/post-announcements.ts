// What Kith tells people when a post is created, edited or deleted: open streams at once (best
// effort), notifications through the job queue, and a poll's end scheduled for its expiry.
// posts/post-events.ts and the post operations call these after their commit.
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import {
  prepareDeleteStream,
  streamPostCreated,
  streamPostDeleted,
  streamPostEdited,
} from '../streaming/post-stream.ts'
import { notify } from './create-notifications.ts'
import { schedulePollEnd } from './poll-ended.ts'

/** Only posts that can notify someone cost a job: shares, comments, quotes, and text that mentions. */
const mayNotify = (post: PostRow) =>
  post.reblog_of_id !== null || post.in_reply_to_id !== null || post.quote_of_id !== null || post.text.includes('@')

/** `followers`: the author's follower ids when the caller has read them already. */
export async function announcePostCreated(ctx: AppContext, post: PostRow, followers?: string[]): Promise<void> {
  await streamPostCreated(ctx, post, followers)
  if (mayNotify(post)) await notify(ctx, { type: 'post.created', postId: post.id })
  if (post.poll_id) await schedulePollEnd(ctx, post.poll_id)
}

/** After an edit: `status.update` on streams, and `update` to people who shared, quoted or commented. */
export async function announcePostEdited(ctx: AppContext, post: PostRow): Promise<void> {
  await streamPostEdited(ctx, post)
  await notify(ctx, { type: 'post.edited', postId: post.id, editedAt: post.edited_at ?? post.updated_at })
  // New mentions in the edited text are mentions too (each post mentions a person once).
  if (post.text.includes('@')) await notify(ctx, { type: 'post.created', postId: post.id })
  if (post.poll_id) await schedulePollEnd(ctx, post.poll_id)
}

/** Call before deleting; run what it returns after the commit. */
export async function prepareDeleteAnnouncement(ctx: AppContext, post: PostRow): Promise<() => Promise<void>> {
  const fanout = await prepareDeleteStream(ctx, post)
  return () => streamPostDeleted(ctx, fanout)
}
