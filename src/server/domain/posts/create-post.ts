import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { PostRow, Visibility } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { screenText } from '../filters/content-filters.ts'
import { getSiteSettings } from '../site/site-settings.ts'
import { afterPostCreated } from './post-events.ts'
import {
  adjustPostCounter,
  adjustStatusesCount,
  findVisiblePost,
  insertMentions,
  insertPost,
  replaceTags,
} from './posts-store.ts'
import { renderText } from './render-text.ts'

export const MAX_MEDIA = 10
export const POLL_LIMITS = { maxOptions: 6, maxOptionChars: 100, minExpiresS: 300, maxExpiresS: 30 * 24 * 3600 }

export type NewPoll = { options: string[]; expiresIn: number; multiple: boolean; hideTotals: boolean }
export type NewPost = {
  text: string
  spoilerText?: string
  sensitive?: boolean
  visibility: Visibility
  language?: string | null
  inReplyToId?: string | null
  quoteOfId?: string | null
  mediaIds?: string[]
  poll?: NewPoll | null
  idempotencyKey?: string | null
  appId?: string | null
}

/** Narrowest first: a reply or quote is never seen by more people than what it answers. */
const AUDIENCE_RANK: Record<Visibility, number> = { direct: 0, friends: 1, private: 2, unlisted: 3, public: 4 }
export function narrower(a: Visibility, b: Visibility): Visibility {
  return AUDIENCE_RANK[a] <= AUDIENCE_RANK[b] ? a : b
}

export async function createPost(ctx: AppContext, author: Viewer, input: NewPost): Promise<PostRow> {
  const authorId = author.account.id
  if (input.idempotencyKey) {
    const existing = await findIdempotentPost(ctx.db, authorId, input.idempotencyKey)
    if (existing) return existing
  }
  const settings = await getSiteSettings(ctx)
  const mediaIds = input.mediaIds ?? []
  const text = input.text ?? ''
  if ([...text].length > settings.post_max_chars) {
    throw validationError({ status: `Text must be at most ${settings.post_max_chars} characters` })
  }
  if ((input.spoilerText ?? '').length > 500) throw validationError({ spoiler_text: 'Content warning is too long' })
  if (mediaIds.length > MAX_MEDIA) throw validationError({ media_ids: `At most ${MAX_MEDIA} photos` })
  if (new Set(mediaIds).size !== mediaIds.length) throw validationError({ media_ids: 'A photo is attached twice' })
  if (input.poll && mediaIds.length > 0) throw validationError({ poll: 'A post cannot have both a poll and photos' })
  if (input.poll) checkPoll(input.poll)
  if (!text.trim() && mediaIds.length === 0 && !input.poll && !input.quoteOfId) {
    throw validationError({ status: 'Write something or add a photo' })
  }

  // Server-wide filters: a blocked word refuses the post; a flagged one holds it for a moderator.
  const screen = await screenText(ctx, [text, input.spoilerText ?? '', ...(input.poll?.options ?? [])].join('\n'))
  if (screen.verdict === 'block') throw validationError({ status: 'This post contains words this site does not allow' })

  const now = ctx.clock.now()
  const iso = now.toISOString()
  const id = newId(now)
  let visibility = input.visibility
  let threadId = id
  let inReplyToAccountId: string | null = null
  const rendered = await renderText(ctx.db, ctx.config.publicUrl, text)
  const mentionIds = new Set(rendered.mentionIds)

  const post = await ctx.db.transaction().execute(async (trx) => {
    if (input.inReplyToId) {
      const parent = await findVisiblePost(trx, authorId, input.inReplyToId)
      if (!parent || parent.reblog_of_id) throw new AppError('not_found', 'The post you are replying to was not found')
      threadId = parent.thread_id
      inReplyToAccountId = parent.account_id
      visibility = narrower(visibility, parent.visibility)
      // The person answered can always read the answer.
      if (parent.account_id !== authorId) mentionIds.add(parent.account_id)
    }
    if (input.quoteOfId) {
      const quoted = await findVisiblePost(trx, authorId, input.quoteOfId)
      if (!quoted || quoted.reblog_of_id) throw new AppError('not_found', 'The post you are sharing was not found')
      const open = quoted.visibility === 'public' || quoted.visibility === 'unlisted'
      if (!open && quoted.account_id !== authorId) {
        throw new AppError('forbidden', 'Only public posts can be shared', { reason: 'not_shareable' })
      }
      visibility = narrower(visibility, quoted.visibility)
    }
    const row: PostRow = {
      id,
      account_id: authorId,
      thread_id: threadId,
      in_reply_to_id: input.inReplyToId ?? null,
      in_reply_to_account_id: inReplyToAccountId,
      reblog_of_id: null,
      quote_of_id: input.quoteOfId ?? null,
      group_id: null,
      text,
      content_html: rendered.html,
      spoiler_text: (input.spoilerText ?? '').trim(),
      sensitive: input.sensitive || (input.spoilerText ?? '').trim() !== '' || author.account.sensitized_at ? 1 : 0,
      visibility,
      language: input.language ?? null,
      app_id: input.appId ?? null,
      poll_id: null,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      quotes_count: 0,
      created_at: iso,
      edited_at: null,
      updated_at: iso,
      version: 0,
      held_at: screen.verdict === 'flag' ? iso : null,
    }
    await insertPost(trx, row)
    await insertMentions(
      trx,
      id,
      [...mentionIds].filter((m) => m !== authorId),
    )
    await replaceTags(trx, id, rendered.tags, () => newId(now), iso)
    await attachMedia(trx, id, authorId, mediaIds)
    if (input.poll) row.poll_id = await insertPoll(trx, ctx, row, input.poll)
    if (row.in_reply_to_id) await adjustPostCounter(trx, row.in_reply_to_id, 'replies_count', 1)
    if (row.quote_of_id) await adjustPostCounter(trx, row.quote_of_id, 'quotes_count', 1)
    await adjustStatusesCount(trx, authorId, 1, iso)
    if (input.idempotencyKey) {
      await trx
        .insertInto('idempotency_keys')
        .values({ account_id: authorId, key: input.idempotencyKey, post_id: id, created_at: iso })
        .execute()
    }
    return row
  })
  await afterPostCreated(ctx, post, rendered.urls)
  return post
}

async function findIdempotentPost(db: Db, accountId: string, key: string): Promise<PostRow | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .innerJoin('posts', 'posts.id', 'idempotency_keys.post_id')
    .selectAll('posts')
    .where('idempotency_keys.account_id', '=', accountId)
    .where('idempotency_keys.key', '=', key)
    .executeTakeFirst()
}

/** The author's own, not yet attached uploads; anything else is refused as a whole. */
export async function attachMedia(db: Db, postId: string, accountId: string, mediaIds: string[]): Promise<void> {
  if (mediaIds.length === 0) return
  const rows = await db
    .selectFrom('media_attachments')
    .select(['id', 'post_id'])
    .where('id', 'in', mediaIds)
    .where('account_id', '=', accountId)
    .execute()
  const usable = new Set(rows.filter((r) => r.post_id === null || r.post_id === postId).map((r) => r.id))
  const bad = mediaIds.filter((m) => !usable.has(m))
  if (bad.length > 0) throw validationError({ media_ids: `Unknown or already used media: ${bad.join(', ')}` })
  for (const [position, mediaId] of mediaIds.entries()) {
    await db.updateTable('media_attachments').set({ post_id: postId, position }).where('id', '=', mediaId).execute()
  }
}

export function checkPoll(poll: NewPoll): void {
  const titles = poll.options.map((o) => o.trim())
  if (titles.length < 2 || titles.length > POLL_LIMITS.maxOptions) {
    throw validationError({ poll: `A poll needs 2 to ${POLL_LIMITS.maxOptions} options` })
  }
  if (titles.some((o) => !o || o.length > POLL_LIMITS.maxOptionChars)) {
    throw validationError({ poll: `Each option needs 1 to ${POLL_LIMITS.maxOptionChars} characters` })
  }
  if (new Set(titles).size !== titles.length) throw validationError({ poll: 'Options must differ' })
  if (poll.expiresIn < POLL_LIMITS.minExpiresS || poll.expiresIn > POLL_LIMITS.maxExpiresS) {
    throw validationError({ poll: 'A poll runs from 5 minutes to 30 days' })
  }
}

export async function insertPoll(db: Db, ctx: AppContext, post: PostRow, poll: NewPoll): Promise<string> {
  const now = ctx.clock.now()
  const pollId = newId(now)
  await db
    .insertInto('polls')
    .values({
      id: pollId,
      post_id: post.id,
      account_id: post.account_id,
      multiple: poll.multiple ? 1 : 0,
      hide_totals: poll.hideTotals ? 1 : 0,
      expires_at: new Date(now.getTime() + poll.expiresIn * 1000).toISOString(),
      votes_count: 0,
      voters_count: 0,
      created_at: now.toISOString(),
    })
    .execute()
  await db
    .insertInto('poll_options')
    .values(poll.options.map((title, position) => ({ poll_id: pollId, position, title: title.trim(), votes_count: 0 })))
    .execute()
  await db.updateTable('posts').set({ poll_id: pollId }).where('id', '=', post.id).execute()
  return pollId
}
