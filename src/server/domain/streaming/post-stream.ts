// Which channels hear of a post: the author's and their followers' home timelines (top-level posts
// and shares, as the home feed holds), the public timeline, its hashtags, and for direct posts the
// participants' direct streams. Messages carry ids only; each receiver is checked at delivery.
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { type Channel, channels, type TimelineEvent } from '../../pubsub/channels.ts'
import { listFollowerIds } from '../graph/graph-store.ts'

type Fanout = { channel: Channel; message: TimelineEvent }[]

async function channelsFor(
  ctx: AppContext,
  post: PostRow,
  followers?: string[],
): Promise<{ timelines: Channel[]; direct: Channel[] }> {
  const timelines: Channel[] = []
  const direct: Channel[] = []
  const inHome = post.in_reply_to_id === null || post.in_reply_to_account_id === post.account_id
  if (inHome) {
    const ids = followers ?? (await listFollowerIds(ctx.db, post.account_id))
    for (const id of [post.account_id, ...ids]) timelines.push(channels.home(id))
  }
  if (post.reblog_of_id) return { timelines, direct }
  if (post.visibility === 'public' && post.in_reply_to_id === null) timelines.push(channels.public)
  if (post.visibility !== 'direct') {
    const tags = await ctx.db
      .selectFrom('post_tags')
      .innerJoin('tags', 'tags.id', 'post_tags.tag_id')
      .select('tags.name_lower')
      .where('post_tags.post_id', '=', post.id)
      .execute()
    for (const t of tags) timelines.push(channels.hashtag(t.name_lower))
  } else {
    const mentioned = await ctx.db
      .selectFrom('post_mentions')
      .select('account_id')
      .where('post_id', '=', post.id)
      .execute()
    for (const id of [post.account_id, ...mentioned.map((m) => m.account_id)]) direct.push(channels.direct(id))
  }
  return { timelines, direct }
}

/** Publishes to the channels somebody listens to (Mastodon skips unsubscribed timelines too). */
async function publishAll(ctx: AppContext, fanout: Fanout): Promise<void> {
  if (fanout.length === 0) return
  const listened = new Set<Channel>(await ctx.pubsub.listened(fanout.map((f) => f.channel)))
  await Promise.all(
    fanout.filter((f) => listened.has(f.channel)).map((f) => ctx.pubsub.publish(f.channel, f.message as never)),
  )
}

/** Streaming is best effort (clients resync on reconnect): a failure is logged, never thrown at the writer. */
async function safely(ctx: AppContext, what: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn()
  } catch (err) {
    ctx.log.warn({ err }, `could not stream ${what}`)
  }
}

export async function streamPostCreated(ctx: AppContext, post: PostRow, followers?: string[]): Promise<void> {
  await safely(ctx, 'a new post', async () => {
    const { timelines, direct } = await channelsFor(ctx, post, followers)
    await publishAll(ctx, [
      ...timelines.map((channel) => ({ channel, message: { event: 'update' as const, id: post.id } })),
      ...direct.map((channel) => ({ channel, message: { event: 'conversation' as const, id: post.id } })),
    ])
  })
}

export async function streamPostEdited(ctx: AppContext, post: PostRow): Promise<void> {
  await safely(ctx, 'an edit', async () => {
    const { timelines, direct } = await channelsFor(ctx, post)
    await publishAll(ctx, [
      ...timelines.map((channel) => ({ channel, message: { event: 'status.update' as const, id: post.id } })),
      ...direct.map((channel) => ({ channel, message: { event: 'conversation' as const, id: post.id } })),
    ])
  })
}

/**
 * Call before deleting (tags, mentions and shares are gone after); publish what it returns after the
 * commit. Shares of the post go with it, so their readers hear of those too.
 */
export async function prepareDeleteStream(ctx: AppContext, post: PostRow): Promise<Fanout> {
  const out: Fanout = []
  try {
    const shares = await ctx.db.selectFrom('posts').selectAll().where('reblog_of_id', '=', post.id).execute()
    for (const p of [post, ...shares]) {
      const { timelines, direct } = await channelsFor(ctx, p)
      for (const channel of [...timelines, ...direct]) out.push({ channel, message: { event: 'delete', id: p.id } })
    }
  } catch (err) {
    ctx.log.warn({ err }, 'could not prepare the stream of a deletion')
  }
  return out
}

export async function streamPostDeleted(ctx: AppContext, fanout: Fanout): Promise<void> {
  await safely(ctx, 'a deletion', () => publishAll(ctx, fanout))
}
