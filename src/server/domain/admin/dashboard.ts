// Numbers for the admin dashboard and Mastodon's /api/v1/admin/measures, from real data.
// Days are UTC and bucketed by the first ten characters of the ISO timestamps, which works the
// same on both databases.
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { mediaRoot } from '../media/storage.ts'

const DAY_MS = 86_400_000
export const MEASURE_KEYS = ['new_users', 'active_users', 'interactions', 'opened_reports', 'resolved_reports'] as const
export type MeasureKey = (typeof MEASURE_KEYS)[number]
export type Series = { date: string; value: number }[]

type Range = { start: string; end: string }
const day = (iso: string) => iso.slice(0, 10)

/** Each UTC day from start (inclusive) to end (exclusive). */
export function daysBetween(startMs: number, endMs: number): string[] {
  const out: string[] = []
  for (
    let t = Date.UTC(
      new Date(startMs).getUTCFullYear(),
      new Date(startMs).getUTCMonth(),
      new Date(startMs).getUTCDate(),
    );
    t < endMs;
    t += DAY_MS
  ) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

async function countByDay(
  db: Db,
  table: 'users' | 'posts' | 'reports' | 'reactions',
  column: string,
  r: Range,
  where?: (q: any) => any,
) {
  let q: any = (db as any)
    .selectFrom(table)
    .select((eb: any) => [eb.fn('substr', [eb.ref(column), eb.val(1), eb.val(10)]).as('day'), eb.fn.countAll().as('n')])
    .where(column, '>=', r.start)
    .where(column, '<', r.end)
  if (where) q = where(q)
  const rows: { day: string; n: number | string }[] = await q.groupBy('day').execute()
  return new Map(rows.map((row) => [row.day, Number(row.n)]))
}

/** Distinct people active each day: web sessions seen, sign-ins and OAuth tokens used. */
async function activeByDay(db: Db, r: Range): Promise<Map<string, Set<string>>> {
  const [sessions, signIns, tokens] = await Promise.all([
    db
      .selectFrom('sessions')
      .select(['user_id', 'last_seen_at as at'])
      .where('last_seen_at', '>=', r.start)
      .where('last_seen_at', '<', r.end)
      .execute(),
    db
      .selectFrom('users')
      .select(['id as user_id', 'last_sign_in_at as at'])
      .where('last_sign_in_at', '>=', r.start)
      .where('last_sign_in_at', '<', r.end)
      .execute(),
    db
      .selectFrom('oauth_tokens')
      .select(['user_id', 'last_used_at as at'])
      .where('user_id', 'is not', null)
      .where('last_used_at', '>=', r.start)
      .where('last_used_at', '<', r.end)
      .execute(),
  ])
  const out = new Map<string, Set<string>>()
  for (const row of [...sessions, ...signIns, ...tokens]) {
    if (!row.at || !row.user_id) continue
    const d = day(row.at)
    if (!out.has(d)) out.set(d, new Set())
    out.get(d)!.add(row.user_id)
  }
  return out
}

async function measureByDay(
  ctx: AppContext,
  key: MeasureKey,
  r: Range,
): Promise<{ byDay: Map<string, number>; total: number }> {
  const db = ctx.db
  if (key === 'active_users') {
    const active = await activeByDay(db, r)
    const all = new Set<string>()
    for (const s of active.values()) for (const u of s) all.add(u)
    return { byDay: new Map([...active].map(([d, s]) => [d, s.size])), total: all.size }
  }
  let byDay: Map<string, number>
  if (key === 'new_users') byDay = await countByDay(db, 'users', 'created_at', r)
  else if (key === 'opened_reports') byDay = await countByDay(db, 'reports', 'created_at', r)
  else if (key === 'resolved_reports') byDay = await countByDay(db, 'reports', 'action_taken_at', r)
  else {
    const [reactions, shares, replies] = await Promise.all([
      countByDay(db, 'reactions', 'created_at', r),
      countByDay(db, 'posts', 'created_at', r, (q) => q.where('reblog_of_id', 'is not', null)),
      countByDay(db, 'posts', 'created_at', r, (q) => q.where('in_reply_to_id', 'is not', null)),
    ])
    byDay = new Map()
    for (const m of [reactions, shares, replies]) for (const [d, n] of m) byDay.set(d, (byDay.get(d) ?? 0) + n)
  }
  return { byDay, total: [...byDay.values()].reduce((a, b) => a + b, 0) }
}

export type Measure = { key: MeasureKey; total: number; previous_total: number; data: Series }

/** Mastodon's measures: a total for [start, end], the previous period of the same length, and daily data. */
export async function getMeasures(
  ctx: AppContext,
  keys: MeasureKey[],
  startDate: string,
  endDate: string,
): Promise<Measure[]> {
  const startMs = Date.parse(`${startDate.slice(0, 10)}T00:00:00.000Z`)
  const endMs = Date.parse(`${endDate.slice(0, 10)}T00:00:00.000Z`) + DAY_MS // the end day is included
  const span = endMs - startMs
  const iso = (ms: number) => new Date(ms).toISOString()
  const days = daysBetween(startMs, endMs)
  return Promise.all(
    keys.map(async (key) => {
      const [cur, prev] = await Promise.all([
        measureByDay(ctx, key, { start: iso(startMs), end: iso(endMs) }),
        measureByDay(ctx, key, { start: iso(startMs - span), end: iso(startMs) }),
      ])
      return {
        key,
        total: cur.total,
        previous_total: prev.total,
        data: days.map((d) => ({ date: d, value: cur.byDay.get(d) ?? 0 })),
      }
    }),
  )
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0
  let entries: import('node:fs').Dirent[]
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const e of entries) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) total += await dirBytes(p)
    else if (e.isFile()) total += (await stat(p)).size
  }
  return total
}

export async function getDashboard(ctx: AppContext, days = 30) {
  const now = ctx.clock.now().getTime()
  const end = new Date(now + DAY_MS).toISOString().slice(0, 10)
  const start = new Date(now - (days - 1) * DAY_MS).toISOString().slice(0, 10)
  const activeSince = async (n: number) => {
    const active = await activeByDay(ctx.db, {
      start: new Date(now - n * DAY_MS).toISOString(),
      end: new Date(now + 1).toISOString(),
    })
    const all = new Set<string>()
    for (const set of active.values()) for (const u of set) all.add(u)
    return all.size
  }
  const [active1, active7, active30] = await Promise.all([activeSince(1), activeSince(7), activeSince(30)])
  const [measures, posts, resolved, mediaBytes, dbRow, evidenceBytes] = await Promise.all([
    getMeasures(
      ctx,
      ['new_users', 'active_users', 'opened_reports', 'resolved_reports', 'interactions'],
      start,
      new Date(now).toISOString(),
    ),
    (async () => {
      const byDay = await countByDay(
        ctx.db,
        'posts',
        'created_at',
        { start: `${start}T00:00:00.000Z`, end: `${end}T00:00:00.000Z` },
        (q) => q.where('reblog_of_id', 'is', null),
      )
      return daysBetween(Date.parse(`${start}T00:00:00.000Z`), now + 1).map((d) => ({
        date: d,
        value: byDay.get(d) ?? 0,
      }))
    })(),
    ctx.db
      .selectFrom('reports')
      .select(['created_at', 'action_taken_at'])
      .where('action_taken_at', '>=', `${start}T00:00:00.000Z`)
      .orderBy('action_taken_at', 'desc')
      .limit(10_000)
      .execute(),
    dirBytes(mediaRoot(ctx)),
    ctx.dialect.databaseBytes.execute(ctx.db).then((r) => Number(r.rows[0]?.n ?? 0)),
    dirBytes(path.join(ctx.config.dataDir, 'evidence')),
  ])
  const durations = resolved.map((r) => Date.parse(r.action_taken_at!) - Date.parse(r.created_at)).sort((a, b) => a - b)
  const mid = durations.length >> 1
  const median =
    durations.length === 0 ? null : durations.length % 2 ? durations[mid]! : (durations[mid - 1]! + durations[mid]!) / 2
  const [openReports] = await Promise.all([
    ctx.db
      .selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action_taken_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  const m = Object.fromEntries(measures.map((x) => [x.key, x]))
  return {
    period: { start, days },
    new_users: { total: m.new_users!.total, series: m.new_users!.data },
    active_users: { daily: active1, weekly: active7, monthly: active30, series: m.active_users!.data },
    posts: { total: posts.reduce((a, b) => a + b.value, 0), series: posts },
    interactions: { total: m.interactions!.total, series: m.interactions!.data },
    reports: {
      open: Number(openReports.n),
      opened: m.opened_reports!.total,
      resolved: m.resolved_reports!.total,
      opened_series: m.opened_reports!.data,
      resolved_series: m.resolved_reports!.data,
      median_resolution_seconds: median === null ? null : Math.round(median / 1000),
    },
    storage: { media_bytes: mediaBytes, database_bytes: dbRow, evidence_bytes: evidenceBytes },
  }
}
