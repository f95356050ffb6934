// The parts of a presented status that change only with the post's `version` (media with alt text,
// mentions, tags, the posting app), kept per process so a warm feed page skips four queries. Counters,
// reactions, polls, cards and the viewer's flags are always read fresh. Keyed by (id, version): every
// writer of those parts bumps `posts.version` in the same transaction, so a stale entry is never served
// and several instances need no invalidation messages.
import type { InnerStatus } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../context.ts'

export type StatusParts = Pick<InnerStatus, 'media_attachments' | 'mentions' | 'tags' | 'application'>

// About 300 bytes an entry: 100k posts (a few days of a 100k-user site) in ~30 MB.
const MAX_ENTRIES = 100_000
const caches = new WeakMap<AppContext, Map<string, { version: number; parts: StatusParts }>>()

function cacheOf(ctx: AppContext) {
  let cache = caches.get(ctx)
  if (!cache) {
    cache = new Map()
    caches.set(ctx, cache)
  }
  return cache
}

export function getStatusParts(ctx: AppContext, postId: string, version: number): StatusParts | undefined {
  const entry = cacheOf(ctx).get(postId)
  return entry && entry.version === version ? entry.parts : undefined
}

export function setStatusParts(ctx: AppContext, postId: string, version: number, parts: StatusParts): void {
  const cache = cacheOf(ctx)
  // A Map keeps insertion order: dropping the first key evicts the oldest entry (FIFO is enough here).
  cache.delete(postId)
  cache.set(postId, { version, parts })
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
}
