// SQLite mode's home feeds in memory (docs/architecture.md, "Feeds"): for each recently active
// reader, the newest post IDs of their home feed. A new post is pushed to the cached feeds of its
// author's followers; a reader without an entry is filled by one bounded pull. The cache only
// proposes candidates: every read re-checks them against the database (visibility, deletion,
// mutes, blocks), so a stale entry can miss a post but never show a forbidden one.

export const FEED_CAP = 400

export type HomeFeedCache = {
  /** The cached IDs, if they were filled while the reader's graph was at `version`. */
  get(accountId: string, version?: string): string[] | undefined
  set(accountId: string, ids: string[], version?: string): void
  /** Adds a new post to the feeds that are cached; others fill themselves on the next read. */
  push(accountIds: Iterable<string>, postId: string): void
  forget(accountIds: Iterable<string>): void
  size(): number
}

export function createHomeFeedCache(maxReaders = 40_000): HomeFeedCache {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recent.
  const feeds = new Map<string, { ids: string[]; version: string }>()
  const touch = (id: string, entry: { ids: string[]; version: string }) => {
    feeds.delete(id)
    feeds.set(id, entry)
    if (feeds.size > maxReaders) feeds.delete(feeds.keys().next().value!)
  }
  return {
    get(id, version = '') {
      const entry = feeds.get(id)
      if (!entry) return undefined
      if (entry.version !== version) {
        feeds.delete(id)
        return undefined
      }
      touch(id, entry)
      return entry.ids
    },
    set(id, ids, version = '') {
      touch(id, { ids: ids.slice(0, FEED_CAP), version })
    },
    push(accountIds, postId) {
      for (const id of accountIds) {
        const ids = feeds.get(id)?.ids
        if (!ids) continue
        // IDs are time-sortable; keep the list newest first even if posts commit out of order.
        let i = 0
        while (i < ids.length && ids[i]! > postId) i++
        if (ids[i] === postId) continue
        ids.splice(i, 0, postId)
        if (ids.length > FEED_CAP) ids.length = FEED_CAP
      }
    },
    forget(accountIds) {
      for (const id of accountIds) feeds.delete(id)
    },
    size: () => feeds.size,
  }
}
