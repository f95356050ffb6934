// The fetchLinkPreview job: fetch a post's first link through the SSRF-safe fetcher, keep what a
// preview card shows (title, description, site name, a re-encoded image) and show it on the post.
// Runs off the request path; a page that cannot be fetched makes a `failed` card, not a retry.
import { randomBytes } from 'node:crypto'
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import { FetchRefusedError, type SafeFetchOptions, safeFetch } from '../fetch/safe-fetch.ts'
import { processImage } from '../media/images.ts'
import { deleteMedia, putMedia } from '../media/storage.ts'
import { decodeHtml, extractPageMetadata } from './page-metadata.ts'
import {
  ensurePreviewCard,
  linkPostCard,
  type PreviewCardRow,
  unlinkPostCard,
  updatePreviewCard,
} from './preview-cards-store.ts'

export type LinkPreviewJob = { postId: string; url: string }

export const PREVIEW_FETCH = { htmlBytes: 1024 * 1024, imageBytes: 8 * 1024 * 1024, timeoutMs: 5000, imageSide: 640 }
const DAY_MS = 24 * 3600 * 1000
// A good card is fetched again after two weeks, a failed one after a day (Mastodon keeps cards too).
const FRESH_MS: Record<string, number> = { ok: 14 * DAY_MS, failed: DAY_MS }

type FetchOverrides = Pick<SafeFetchOptions, 'resolve' | 'allowLoopbackForTests'>
const testOverrides = new WeakMap<AppContext, FetchOverrides>()

/**
 * Tests only: how this context's preview jobs resolve names and whether they may reach a local test
 * server. Nothing in configuration or the environment reaches this.
 */
export function overrideLinkPreviewFetchForTests(ctx: AppContext, overrides: FetchOverrides): void {
  testOverrides.set(ctx, overrides)
}

/** Enqueues a preview for the first http(s) link of a post, if it has one. */
export async function enqueueLinkPreview(ctx: AppContext, postId: string, urls: readonly string[]): Promise<void> {
  const url = urls.map(normalizeCardUrl).find((u) => u !== null)
  if (url) await ctx.jobs.enqueue('fetchLinkPreview', { postId, url })
}

/**
 * For an edited post: queue a preview for its (possibly new) first link, or take its card away when
 * no link is left. The job replaces the post's card once it has run.
 */
export async function updateLinkPreviewAfterEdit(
  ctx: AppContext,
  postId: string,
  urls: readonly string[],
): Promise<void> {
  if (urls.some((u) => normalizeCardUrl(u) !== null)) await enqueueLinkPreview(ctx, postId, urls)
  else await unlinkPostCard(ctx.db, postId)
}

export async function fetchLinkPreview(ctx: AppContext, job: LinkPreviewJob): Promise<void> {
  const url = normalizeCardUrl(job.url)
  if (!url) return
  const post = await ctx.db.selectFrom('posts').select('id').where('id', '=', job.postId).executeTakeFirst()
  if (!post) return // deleted meanwhile
  const now = ctx.clock.now()
  const card = await ensurePreviewCard(ctx.db, url, newId(now), now.toISOString())
  const fresh = card.fetched_at && now.getTime() - Date.parse(card.fetched_at) < (FRESH_MS[card.status] ?? 0)
  if (!fresh) await refreshCard(ctx, card)
  await linkPostCard(ctx.db, job.postId, card.id)
}

async function refreshCard(ctx: AppContext, card: PreviewCardRow): Promise<void> {
  const options = {
    userAgent: `Kith link previews (+${ctx.config.publicUrl})`,
    timeoutMs: PREVIEW_FETCH.timeoutMs,
    ...testOverrides.get(ctx),
  }
  const fetchedAt = ctx.clock.now().toISOString()
  const failed = {
    status: 'failed' as const,
    title: '',
    description: '',
    provider_name: '',
    image_key: null,
    image_width: null,
    image_height: null,
    blurhash: null,
    fetched_at: fetchedAt,
  }
  let changes: Parameters<typeof updatePreviewCard>[2] = failed
  try {
    const page = await safeFetch(card.url, { ...options, accept: ['text/html'], maxBytes: PREVIEW_FETCH.htmlBytes })
    const meta = extractPageMetadata(decodeHtml(page.body, page.charset), page.url)
    if (meta.title || meta.description) {
      const image = meta.imageUrl ? await storeCardImage(ctx, card.id, meta.imageUrl, options) : null
      changes = {
        status: 'ok',
        title: meta.title,
        description: meta.description,
        provider_name: meta.siteName,
        image_key: image?.key ?? null,
        image_width: image?.width ?? null,
        image_height: image?.height ?? null,
        blurhash: image?.blurhash ?? null,
        fetched_at: fetchedAt,
      }
    }
  } catch (err) {
    // Refusals and network errors are the page's problem, not Kith's: remember them and move on.
    ctx.log.info({ url: card.url, reason: err instanceof FetchRefusedError ? err.reason : String(err) }, 'no preview')
  }
  await updatePreviewCard(ctx.db, card.id, changes)
  if (card.image_key && card.image_key !== changes.image_key) await deleteCardImage(ctx, card.image_key)
}

type StoredCardImage = { key: string; width: number; height: number; blurhash: string }

/** The page's image, fetched as carefully as the page and re-encoded by the one image pipeline. */
async function storeCardImage(
  ctx: AppContext,
  cardId: string,
  imageUrl: string,
  options: Omit<SafeFetchOptions, 'accept' | 'maxBytes'>,
): Promise<StoredCardImage | null> {
  try {
    const fetched = await safeFetch(imageUrl, { ...options, accept: ['image/'], maxBytes: PREVIEW_FETCH.imageBytes })
    const side = PREVIEW_FETCH.imageSide
    const processed = await processImage(fetched.body, [{ name: 'image', width: side, height: side, fit: 'inside' }])
    const variant = processed.variants[0]!
    const key = `cards/${cardId}/${randomBytes(8).toString('hex')}/image.webp`
    await putMedia(ctx, key, variant.data)
    return { key, width: variant.width, height: variant.height, blurhash: processed.blurhash }
  } catch (err) {
    // A card without a picture is still a card.
    ctx.log.info({ imageUrl, err: err instanceof Error ? err.message : String(err) }, 'no preview image')
    return null
  }
}

async function deleteCardImage(ctx: AppContext, imageKey: string): Promise<void> {
  const prefix = imageKey.slice(0, imageKey.lastIndexOf('/'))
  await deleteMedia(ctx, prefix).catch((err) => ctx.log.warn({ err, imageKey }, 'could not delete an old card image'))
}

/** http(s) only, without the fragment; null for anything else. */
export function normalizeCardUrl(raw: string): string | null {
  try {
    const url = new URL(raw)
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.href.length > 2000) return null
    url.hash = ''
    return url.href
  } catch {
    return null
  }
}
