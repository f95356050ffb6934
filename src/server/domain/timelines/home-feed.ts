// GET /api/v1/timelines/home, read through the in-memory feed when there is one.

import { idAtTime } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { FEED_CAP } from './home-feed-cache.ts'
import { filterHomePosts, homeCandidateIds, homeQuery, type IdPage, runPaged } from './timelines-store.ts'

/**
 * `graphVersion` changes whenever the reader's follows change (the viewer row's following and
 * friends counts), so a feed filled before a new follow is refilled and includes the new author.
 */
export async function listHomeTimeline(
  ctx: AppContext,
  viewer: { id: string; following_count: number; friends_count: number },
  page: IdPage,
): Promise<PostRow[]> {
  const viewerId = viewer.id
  const version = `${viewer.following_count}:${viewer.friends_count}`
  const nowIso = ctx.clock.now().toISOString()
  const cache = ctx.homeFeeds
  // since_id / min_id (catching up) ask the database.
  if (!cache || page.sinceId || page.minId) return pullHome(ctx, viewerId, nowIso, page)

  let ids = cache.get(viewerId, version)
  if (!ids) {
    ids = (await pullHome(ctx, viewerId, nowIso, { maxId: null, sinceId: null, minId: null, limit: FEED_CAP })).map(
      (p) => p.id,
    )
    cache.set(viewerId, ids, version)
  }
  const start = page.maxId ? ids.findIndex((id) => id < page.maxId!) : 0
  const out: PostRow[] = []
  // Walk the cached IDs in chunks; each chunk is re-checked by the database. The re-check is the
  // page's dearest query, so a chunk is the page plus a little room for posts it drops.
  for (let i = start; i >= 0 && i < ids.length && out.length < page.limit; ) {
    const chunk = ids.slice(i, i + page.limit - out.length + Math.ceil(page.limit / 4))
    i += chunk.length
    out.push(...(await filterHomePosts(ctx.db, viewerId, nowIso, chunk)))
  }
  if (out.length >= page.limit) return out.slice(0, page.limit)
  // Past the cached window (the feed was full): continue from the database.
  if (ids.length >= FEED_CAP) {
    const last = out.at(-1)?.id ?? ids.at(-1) ?? page.maxId
    const more = await runPaged(homeQuery(ctx.db, viewerId, nowIso), {
      ...page,
      maxId: last ?? null,
      limit: page.limit - out.length,
    })
    out.push(...more)
  }
  return out
}

const DAY_MS = 24 * 3600 * 1000
const WINDOWS_DAYS = [1, 4, 16, 64]

/**
 * The database pull, in widening time windows: SQLite gathers every post of every followee before
 * sorting, so asking first for the last day (then 4, 16, 64 days, then all) keeps the rows it
 * gathers and checks proportional to the page, not to the followees' whole history.
 */
export async function pullHome(ctx: AppContext, viewerId: string, nowIso: string, page: IdPage): Promise<PostRow[]> {
  const query = homeQuery(ctx.db, viewerId, nowIso)
  // min_id pages upward from a point: no window applies.
  if (page.minId) return runPaged(query, page)
  const topMs = page.maxId ? idTime(page.maxId) : Date.parse(nowIso)
  const room = page.limit + Math.ceil(page.limit / 4)
  for (const days of WINDOWS_DAYS) {
    const floor = idAtTime(topMs - days * DAY_MS)
    // since_id is a floor already; a window only helps when it is higher.
    if (page.sinceId && page.sinceId >= floor) break
    // First the page's worth of newest candidates, checked; only if the checks drop too many is the
    // whole window checked.
    const ids = await homeCandidateIds(ctx.db, viewerId, { floor, maxId: page.maxId }, room)
    const rows = await filterHomePosts(ctx.db, viewerId, nowIso, ids)
    if (rows.length >= page.limit) return rows.slice(0, page.limit)
    if (ids.length < room) continue // the window holds no more candidates: widen it
    const checked = await runPaged(query.where('posts.id', '>', floor), page)
    if (checked.length >= page.limit) return checked
  }
  return runPaged(query, page)
}

function idTime(id: string): number {
  return Number(BigInt(id) >> 16n)
}

/** After an unblock or unmute, the reader's feed is rebuilt on the next read to bring those posts back. */
export function forgetHomeFeeds(ctx: AppContext, accountIds: string[]): void {
  ctx.homeFeeds?.forget(accountIds)
}
