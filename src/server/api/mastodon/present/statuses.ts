// Post rows → Mastodon Status entities, batched and viewer-aware (one query per kind of data).
import type { Account } from '#shared/mastodon-entities.ts'
import type { InnerStatus, MediaAttachment, Poll, PreviewCard, Status } from '#shared/mastodon-statuses.ts'
import { REACTIONS } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../context.ts'
import type { AccountRow, MediaRow, PostRow } from '../../../db/schema.ts'
import type { Viewer } from '../../../domain/auth/viewer.ts'
import { mediaUrl } from '../../../domain/media/storage.ts'
import {
  countReactionsByPosts,
  findAccountsByIds,
  findViewerFlags,
  listAppsByIds,
  listCardsByPosts,
  listMediaByPosts,
  listMentionsByPosts,
  listPollsByIds,
  listTagsByPosts,
} from '../../../domain/posts/hydrate-store.ts'
import { findVisiblePosts } from '../../../domain/posts/posts-store.ts'
import { presentAccounts } from './accounts.ts'
import { getStatusParts, type StatusParts, setStatusParts } from './status-parts-cache.ts'

const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))]

/**
 * Presents posts in the given order. A share whose original the viewer may not see is dropped,
 * and so is a quote's inner post (the quote then says `state: 'unauthorized'`).
 */
export async function presentStatuses(ctx: AppContext, viewer: Viewer | null, posts: PostRow[]): Promise<Status[]> {
  if (posts.length === 0) return []
  const viewerId = viewer?.account.id ?? null
  const originals = await findVisiblePosts(ctx.db, viewerId, uniq(posts.map((p) => p.reblog_of_id)))
  const quoted = await findVisiblePosts(ctx.db, viewerId, uniq([...posts, ...originals].map((p) => p.quote_of_id)))
  const byId = new Map<string, PostRow>([...quoted, ...originals, ...posts].map((p) => [p.id, p]))
  const all = [...byId.values()]
  const ids = all.map((p) => p.id)

  // Parts that change only with the post's version come from the cache; the rest is read every time.
  const parts = new Map<string, StatusParts>()
  for (const p of all) {
    const cached = getStatusParts(ctx, p.id, p.version)
    if (cached) parts.set(p.id, cached)
  }
  const misses = all.filter((p) => !parts.has(p.id))
  const missIds = misses.map((p) => p.id)

  const [accountRows, media, mentions, tags, reactions, flags, polls, cards, apps] = await Promise.all([
    findAccountsByIds(ctx.db, uniq(all.map((p) => p.account_id))),
    listMediaByPosts(ctx.db, missIds),
    listMentionsByPosts(ctx.db, missIds),
    listTagsByPosts(ctx.db, missIds),
    countReactionsByPosts(ctx.db, ids, viewerId),
    viewerId ? findViewerFlags(ctx.db, viewerId, ids) : null,
    listPollsByIds(ctx.db, uniq(all.map((p) => p.poll_id)), viewerId),
    listCardsByPosts(ctx.db, ids),
    listAppsByIds(ctx.db, uniq(misses.map((p) => p.app_id))),
  ])
  for (const p of misses) {
    const app = p.app_id ? apps.get(p.app_id) : undefined
    const fresh: StatusParts = {
      media_attachments: (media.get(p.id) ?? []).map((m) => presentMedia(ctx, m)),
      application: app ? { name: app.name, website: app.website } : null,
      mentions: (mentions.get(p.id) ?? []).map((m) => ({
        id: m.account_id,
        username: m.username,
        acct: m.username,
        url: `${ctx.config.publicUrl}/@${m.username}`,
      })),
      tags: (tags.get(p.id) ?? []).map((t) => ({
        name: t.name.toLowerCase(),
        url: `${ctx.config.publicUrl}/tags/${encodeURIComponent(t.name.toLowerCase())}`,
      })),
    }
    parts.set(p.id, fresh)
    setStatusParts(ctx, p.id, p.version, fresh)
  }
  const presentedAccounts = await presentAccounts(ctx, viewer, [...accountRows.values()] as AccountRow[])
  const accounts = new Map<string, Account>(presentedAccounts.map((a) => [a.id, a]))
  const { publicUrl } = ctx.config
  const now = ctx.clock.now().toISOString()

  const inner = (p: PostRow): InnerStatus => {
    const author = accounts.get(p.account_id)!
    const counted = reactions.get(p.id) ?? []
    const counts = new Map(counted.filter((r) => r.n > 0).map((r) => [r.kind, r.n]))
    const mine = viewerId ? (counted.find((r) => r.mine === 1)?.kind ?? null) : null
    const { media_attachments, application, mentions, tags } = parts.get(p.id)!
    return {
      id: p.id,
      uri: `${publicUrl}/users/${author.username}/statuses/${p.id}`,
      url: `${publicUrl}/@${author.username}/${p.id}`,
      created_at: p.created_at,
      account: author,
      content: p.content_html,
      visibility: p.visibility === 'friends' ? 'private' : p.visibility,
      sensitive: p.sensitive === 1,
      spoiler_text: p.spoiler_text,
      media_attachments,
      application,
      mentions,
      tags,
      emojis: [],
      reblogs_count: p.reblogs_count,
      favourites_count: p.favourites_count,
      replies_count: p.replies_count,
      quotes_count: p.quotes_count,
      in_reply_to_id: p.in_reply_to_id,
      in_reply_to_account_id: p.in_reply_to_account_id,
      language: p.language,
      text: null,
      edited_at: p.edited_at,
      poll: p.poll_id ? presentPoll(polls, p.poll_id, now, viewerId !== null) : null,
      card: presentCard(ctx, cards.get(p.id)),
      ...(flags
        ? {
            favourited: mine !== null,
            reblogged: flags.reblogged.has(p.id),
            muted: false,
            bookmarked: flags.bookmarked.has(p.id),
            pinned: flags.pinned.has(p.id),
          }
        : {}),
      filtered: [],
      kith: {
        visibility: p.visibility,
        reactions: REACTIONS.filter((k) => counts.has(k)).map((k) => ({
          name: k,
          count: counts.get(k)!,
          me: mine === k,
        })),
        my_reaction: mine,
        thread_id: p.thread_id,
      },
    }
  }
  const quoteOf = (p: PostRow) => {
    if (!p.quote_of_id) return null
    const q = byId.get(p.quote_of_id)
    return q ? { state: 'accepted', quoted_status: inner(q) } : { state: 'unauthorized', quoted_status: null }
  }

  const out: Status[] = []
  for (const p of posts) {
    if (p.reblog_of_id) {
      const original = byId.get(p.reblog_of_id)
      if (!original || original.reblog_of_id) continue
      out.push({ ...inner(p), reblog: { ...inner(original), quote: quoteOf(original) }, quote: null })
    } else {
      out.push({ ...inner(p), reblog: null, quote: quoteOf(p) })
    }
  }
  return out
}

export async function presentStatus(ctx: AppContext, viewer: Viewer | null, post: PostRow): Promise<Status> {
  const [status] = await presentStatuses(ctx, viewer, [post])
  if (!status) throw new Error('presentStatus: the post is not visible to its viewer')
  return status
}

export function presentMedia(ctx: AppContext, m: MediaRow): MediaAttachment {
  const size = (w: number, h: number) => ({ width: w, height: h, size: `${w}x${h}`, aspect: h ? w / h : 1 })
  return {
    id: m.id,
    type: 'image',
    url: mediaUrl(ctx, `${m.file_key}/original.webp`),
    preview_url: mediaUrl(ctx, `${m.file_key}/small.webp`),
    remote_url: null,
    meta: {
      original: size(m.width, m.height),
      small: size(m.small_width, m.small_height),
      focus: { x: m.focus_x, y: m.focus_y },
    },
    description: m.description || null,
    blurhash: m.blurhash,
  }
}

export function presentPoll(
  data: Awaited<ReturnType<typeof listPollsByIds>>,
  pollId: string,
  now: string,
  signedIn: boolean,
): Poll | null {
  const poll = data.polls.get(pollId)
  if (!poll) return null
  const expired = poll.expires_at !== null && poll.expires_at <= now
  const own = (data.votes.get(pollId) ?? []) as { position: number }[]
  const hide = poll.hide_totals === 1 && !expired
  return {
    id: poll.id,
    expires_at: poll.expires_at,
    expired,
    multiple: poll.multiple === 1,
    votes_count: poll.votes_count,
    voters_count: poll.multiple === 1 ? poll.voters_count : null,
    options: ((data.options.get(pollId) ?? []) as { title: string; votes_count: number }[]).map((o) => ({
      title: o.title,
      votes_count: hide ? null : o.votes_count,
    })),
    emojis: [],
    ...(signedIn ? { voted: own.length > 0, own_votes: own.map((v) => v.position) } : {}),
  }
}

function presentCard(ctx: AppContext, card: Record<string, any> | undefined): PreviewCard | null {
  if (!card) return null
  return {
    url: card.url,
    title: card.title,
    description: card.description,
    type: 'link',
    author_name: '',
    author_url: '',
    provider_name: card.provider_name,
    provider_url: '',
    html: '',
    width: card.image_width ?? 0,
    height: card.image_height ?? 0,
    image: card.image_key ? mediaUrl(ctx, card.image_key) : null,
    embed_url: '',
    blurhash: card.blurhash,
  }
}
