// Turning domain events into notifications. Producers call `notify(ctx, event)` after their commit;
// the `createNotifications` job decides who hears of it, applies the rules (no notification from
// someone blocked or muted, none about a post the recipient cannot see, none of a kind they turned
// off), inserts idempotently, tells their open streams, and queues email when they asked for it.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { NotificationRow } from '../../db/schema.ts'
import { channels } from '../../pubsub/channels.ts'
import { isBlockedEitherWay } from '../graph/graph-store.ts'
import { findPostById, findVisiblePost } from '../posts/posts-store.ts'
import { queueNotificationEmail, scheduleDigest } from './notification-mail.ts'
import { findLatestGroupKey, findPreference, insertNotification, updateReaction } from './notifications-store.ts'
import { DEFAULT_DELIVERY, GROUP_SPAN_HOURS, GROUPABLE, type NotificationKind } from './types.ts'

export type NotifyEvent =
  /** A post, comment, share or quote: mentions, comments on your post, replies to your comment, shares, quotes. */
  | { type: 'post.created'; postId: string }
  /** People who shared, quoted or commented on the post hear that it changed (Mastodon's `update`). */
  | { type: 'post.edited'; postId: string; editedAt: string }
  | { type: 'reaction'; postId: string; accountId: string }
  | { type: 'follow' | 'follow_request' | 'friend_request'; accountId: string; targetId: string }
  /** `accountId` accepted the friend request `targetId` had sent. */
  | { type: 'friend_accepted'; accountId: string; targetId: string }
  /** The poll's author and voters hear that it ended (queued by schedulePollEnd, run at expiry). */
  | { type: 'poll.ended'; pollId: string }
  /** For the moderation area: `warning` is Mastodon's AccountWarning entity, shown as is. */
  | { type: 'moderation_warning'; accountId: string; targetId: string; warningId: string; warning: object }

/** Queues the event; the request path never waits for recipients to be worked out. */
export async function notify(ctx: AppContext, event: NotifyEvent): Promise<void> {
  await ctx.jobs.enqueue('createNotifications', event)
}

type Candidate = {
  recipientId: string
  fromId: string
  kind: NotificationKind
  postId: string | null
  reaction?: string | null
  dedupeKey: string
  payload?: string | null
}

/** The job: idempotent (dedupe keys), and a vanished post, edge or poll means nothing to do. */
export async function createNotifications(ctx: AppContext, event: NotifyEvent): Promise<void> {
  for (const c of await candidatesFor(ctx, event)) await deliver(ctx, c)
}

async function candidatesFor(ctx: AppContext, event: NotifyEvent): Promise<Candidate[]> {
  const db = ctx.db
  switch (event.type) {
    case 'post.created': {
      const post = await findPostById(db, event.postId)
      if (!post) return []
      const from = post.account_id
      if (post.reblog_of_id) {
        const original = await findPostById(db, post.reblog_of_id)
        if (!original) return []
        const key = `reblog:${from}:${original.id}`
        return [{ recipientId: original.account_id, fromId: from, kind: 'reblog', postId: original.id, dedupeKey: key }]
      }
      const out = new Map<string, NotificationKind>()
      if (post.in_reply_to_id && post.in_reply_to_account_id) {
        const parent = await findPostById(db, post.in_reply_to_id)
        out.set(post.in_reply_to_account_id, parent?.in_reply_to_id ? 'kith:reply' : 'kith:comment')
      }
      if (post.thread_id !== post.id) {
        // Whoever owns the thread hears of every comment in it, as on Facebook.
        const root = await findPostById(db, post.thread_id)
        if (root && !out.has(root.account_id)) out.set(root.account_id, 'kith:comment')
      }
      const mentioned = await db
        .selectFrom('post_mentions')
        .select('account_id')
        .where('post_id', '=', post.id)
        .execute()
      for (const m of mentioned) if (!out.has(m.account_id)) out.set(m.account_id, 'mention')
      if (post.quote_of_id) {
        const quoted = await findPostById(db, post.quote_of_id)
        if (quoted && !out.has(quoted.account_id)) out.set(quoted.account_id, 'quote')
      }
      return [...out].map(([recipientId, kind]) => ({
        recipientId,
        fromId: from,
        kind,
        postId: post.id,
        dedupeKey: `${kind}:${post.id}`,
      }))
    }
    case 'post.edited': {
      const post = await findPostById(db, event.postId)
      if (!post) return []
      const rows = await db
        .selectFrom('posts')
        .select('account_id')
        .distinct()
        .where((eb) =>
          eb.or([
            eb('reblog_of_id', '=', post.id),
            eb('quote_of_id', '=', post.id),
            eb('in_reply_to_id', '=', post.id),
          ]),
        )
        .execute()
      return rows.map((r) => ({
        recipientId: r.account_id,
        fromId: post.account_id,
        kind: 'update' as const,
        postId: post.id,
        dedupeKey: `update:${post.id}:${event.editedAt}`,
      }))
    }
    case 'reaction': {
      const reaction = await db
        .selectFrom('reactions')
        .innerJoin('posts', 'posts.id', 'reactions.post_id')
        .select(['reactions.kind', 'posts.account_id as author_id'])
        .where('reactions.post_id', '=', event.postId)
        .where('reactions.account_id', '=', event.accountId)
        .executeTakeFirst()
      if (!reaction) return []
      return [
        {
          recipientId: reaction.author_id,
          fromId: event.accountId,
          kind: 'kith:reaction',
          postId: event.postId,
          reaction: reaction.kind,
          dedupeKey: `kith:reaction:${event.accountId}:${event.postId}`,
        },
      ]
    }
    case 'follow':
    case 'follow_request':
    case 'friend_request': {
      const table =
        event.type === 'follow' ? 'follows' : event.type === 'follow_request' ? 'follow_requests' : 'friend_requests'
      const edge = await db
        .selectFrom(table as 'follows')
        .select('id')
        .where('account_id', '=', event.accountId)
        .where('target_account_id', '=', event.targetId)
        .executeTakeFirst()
      if (!edge) return []
      const kind: NotificationKind = event.type === 'friend_request' ? 'kith:friend_request' : event.type
      return [
        { recipientId: event.targetId, fromId: event.accountId, kind, postId: null, dedupeKey: `${kind}:${edge.id}` },
      ]
    }
    case 'friend_accepted': {
      const friendship = await db
        .selectFrom('friendships')
        .select('id')
        .where('account_id', '=', event.accountId)
        .where('friend_id', '=', event.targetId)
        .executeTakeFirst()
      if (!friendship) return []
      const key = `kith:friend_accepted:${friendship.id}`
      return [
        {
          recipientId: event.targetId,
          fromId: event.accountId,
          kind: 'kith:friend_accepted',
          postId: null,
          dedupeKey: key,
        },
      ]
    }
    case 'poll.ended': {
      const poll = await db.selectFrom('polls').selectAll().where('id', '=', event.pollId).executeTakeFirst()
      if (!poll) return []
      const voters = await db
        .selectFrom('poll_votes')
        .select('account_id')
        .distinct()
        .where('poll_id', '=', poll.id)
        .execute()
      // The author hears too, so they are not filtered out as "notifying themselves".
      const author = { recipientId: poll.account_id, fromId: poll.account_id }
      return [author, ...voters.map((v) => ({ recipientId: v.account_id, fromId: poll.account_id }))].map((r) => ({
        ...r,
        kind: 'poll' as const,
        postId: poll.post_id,
        dedupeKey: `poll:${poll.id}`,
      }))
    }
    case 'moderation_warning':
      return [
        {
          recipientId: event.targetId,
          fromId: event.accountId,
          kind: 'moderation_warning',
          postId: null,
          dedupeKey: `moderation_warning:${event.warningId}`,
          payload: JSON.stringify(event.warning),
        },
      ]
  }
}

/** Whether the recipient may hear of it: the same rule `deliverable` applies when notifications are read. */
async function allowed(ctx: AppContext, c: Candidate, nowIso: string): Promise<boolean> {
  const db = ctx.db
  const recipient = await db
    .selectFrom('accounts')
    .select('suspended_at')
    .where('id', '=', c.recipientId)
    .executeTakeFirst()
  if (!recipient || recipient.suspended_at) return false
  if (c.kind === 'moderation_warning') return true
  if (c.recipientId === c.fromId && c.kind !== 'poll') return false
  const sender = await db.selectFrom('accounts').select('suspended_at').where('id', '=', c.fromId).executeTakeFirst()
  if (!sender || sender.suspended_at) return false
  if (c.recipientId !== c.fromId && (await isBlockedEitherWay(db, c.recipientId, c.fromId))) return false
  const muted = await db
    .selectFrom('mutes')
    .select('id')
    .where('account_id', '=', c.recipientId)
    .where('target_account_id', '=', c.fromId)
    .where('hide_notifications', '=', 1)
    .where((w) => w.or([w('expires_at', 'is', null), w('expires_at', '>', nowIso)]))
    .executeTakeFirst()
  if (muted) return false
  return c.postId === null || (await findVisiblePost(db, c.recipientId, c.postId)) !== undefined
}

async function deliver(ctx: AppContext, c: Candidate): Promise<void> {
  const now = ctx.clock.now()
  const nowIso = now.toISOString()
  if (!(await allowed(ctx, c, nowIso))) return
  const delivery = (await findPreference(ctx.db, c.recipientId, c.kind)) ?? DEFAULT_DELIVERY
  if (delivery === 'off') return
  const id = newId(now)
  const row: NotificationRow = {
    id,
    account_id: c.recipientId,
    from_account_id: c.fromId,
    type: c.kind,
    post_id: c.postId,
    reaction: c.reaction ?? null,
    group_key: GROUPABLE.has(c.kind) ? await groupKeyFor(ctx, c, now) : `ungrouped-${id}`,
    dedupe_key: c.dedupeKey,
    payload: c.payload ?? null,
    created_at: nowIso,
    emailed_at: null,
    dismissed_at: null,
  }
  const inserted = await insertNotification(ctx.db, row)
  if (!inserted) {
    // Already told; a changed reaction only changes the existing notification.
    if (c.reaction) await updateReaction(ctx.db, c.recipientId, c.dedupeKey, c.reaction)
    return
  }
  await ctx.pubsub
    .publish(channels.notifications(c.recipientId), { event: 'notification', id })
    .catch((err) => ctx.log.warn({ err }, 'could not publish a notification'))
  if (delivery === 'email') await queueNotificationEmail(ctx, inserted)
  else await scheduleDigest(ctx, c.recipientId)
}

/** Mastodon's rule: same kind and post, within GROUP_SPAN_HOURS of the group's first hour. */
async function groupKeyFor(ctx: AppContext, c: Candidate, now: Date): Promise<string> {
  const hour = Math.floor(now.getTime() / 3_600_000)
  const previous = await findLatestGroupKey(ctx.db, c.recipientId, c.kind, c.postId)
  const previousHour = previous ? Number(previous.split('-').at(-1)) : Number.NaN
  const bucket = Number.isFinite(previousHour) && hour < previousHour + GROUP_SPAN_HOURS ? previousHour : hour
  return `${c.kind}-${c.postId ?? 'account'}-${bucket}`
}
