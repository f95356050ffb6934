// `npm run bench -- scaling --sizes S,M [--out docs/benchmarks-scaling]`: how the home feed's service
// time grows with users (N) and with followees per reader (F). In-process (no HTTP, no JSON), so the
// figures are the feed's own cost: the cold pull, the warm cached read, and the warm read presented as
// Mastodon statuses. Readers are sampled in followee buckets; each figure is a median of repeated runs.
// Writes <out>.json and <out>.svg (the chart in docs/benchmarks.md).
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

type Point = {
  size: string
  users: number
  followees: number
  cold_us: number
  warm_us: number
  warm_present_us: number
}

const BUCKETS = [10, 25, 50, 100, 200, 400, 800, 1400]
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

async function timeIt(runs: number, f: () => Promise<unknown>): Promise<number> {
  const t: number[] = []
  for (let i = 0; i < runs; i++) {
    const s = performance.now()
    await f()
    t.push((performance.now() - s) * 1000)
  }
  return Math.round(median(t))
}

export async function measureSize(size: string, dataDir: string): Promise<Point[]> {
  const { loadConfig } = await import('../src/server/config.ts')
  const { createContext } = await import('../src/server/context.ts')
  const { listHomeTimeline, pullHome } = await import('../src/server/domain/timelines/home-feed.ts')
  const { presentStatuses } = await import('../src/server/api/mastodon/present/statuses.ts')
  const config = loadConfig({}, { DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, 'kith.sqlite')}` })
  const ctx = await createContext(config, { migrate: true })
  try {
    await ctx.jobs.stop()
    const db = ctx.db
    const users = Number(
      (await db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst())!.n,
    )
    const degrees = await db
      .selectFrom('follows')
      .select(['account_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('account_id')
      .execute()
    const points: Point[] = []
    for (const want of BUCKETS) {
      // Up to five readers whose followee count is within 15% of the bucket.
      const readers = degrees.filter((d) => Math.abs(Number(d.n) - want) <= Math.max(2, want * 0.15)).slice(0, 5)
      if (readers.length === 0) continue
      const cold: number[] = []
      const warm: number[] = []
      const presented: number[] = []
      for (const r of readers) {
        const account = await db
          .selectFrom('accounts')
          .selectAll()
          .where('id', '=', r.account_id)
          .executeTakeFirstOrThrow()
        const user = await db
          .selectFrom('users')
          .selectAll()
          .where('account_id', '=', account.id)
          .executeTakeFirstOrThrow()
        const viewer = { user, account, scopes: 'all' as const, sessionId: null, tokenId: null, appId: null }
        const page = { maxId: null, sinceId: null, minId: null, limit: 20 }
        const now = new Date().toISOString()
        cold.push(await timeIt(7, () => pullHome(ctx, account.id, now, page)))
        await listHomeTimeline(ctx, account, page) // fills the cache
        warm.push(await timeIt(21, () => listHomeTimeline(ctx, account, page)))
        presented.push(
          await timeIt(21, async () => presentStatuses(ctx, viewer, await listHomeTimeline(ctx, account, page))),
        )
      }
      points.push({
        size,
        users,
        followees: Math.round(median(readers.map((r) => Number(r.n)))),
        cold_us: median(cold),
        warm_us: median(warm),
        warm_present_us: median(presented),
      })
    }
    return points
  } finally {
    await ctx.close()
  }
}

/** A line chart on log–log axes: service time against followees, one line per size and kind. */
export function chartSvg(points: Point[]): string {
  const W = 880
  const H = 380
  const pad = { l: 64, r: 300, t: 36, b: 52 }
  const sizes = [...new Set(points.map((p) => p.size))]
  const kinds = [
    { key: 'cold_us', label: 'cold pull', dash: '' },
    { key: 'warm_present_us', label: 'warm + presented', dash: '6 4' },
    { key: 'warm_us', label: 'warm (cached IDs)', dash: '2 3' },
  ] as const
  const colours = ['#2563eb', '#dc2626', '#16a34a', '#9333ea']
  const xs = points.map((p) => p.followees)
  const ys = points.flatMap((p) => kinds.map((k) => p[k.key]))
  const [x0, x1] = [Math.log10(Math.min(...xs) * 0.9), Math.log10(Math.max(...xs) * 1.1)]
  const [y0, y1] = [Math.log10(Math.min(...ys) * 0.8), Math.log10(Math.max(...ys) * 1.25)]
  const toX = (v: number) => pad.l + ((Math.log10(v) - x0) / (x1 - x0)) * (W - pad.l - pad.r)
  const toY = (v: number) => H - pad.b - ((Math.log10(v) - y0) / (y1 - y0)) * (H - pad.t - pad.b)
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12" role="img">`,
    '<title>Kith home feed service time against followees per reader, sizes S and M</title>',
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${pad.l}" y="20" font-size="14" font-weight="bold">Home feed service time vs followees per reader (in-process medians, log–log)</text>`,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#333"/>`,
    `<line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#333"/>`,
    `<text x="${(pad.l + W - pad.r) / 2}" y="${H - 14}" text-anchor="middle">followees</text>`,
    `<text x="16" y="${(pad.t + H - pad.b) / 2}" transform="rotate(-90 16 ${(pad.t + H - pad.b) / 2})" text-anchor="middle">µs per page</text>`,
  ]
  for (const f of [10, 30, 100, 300, 1000, 3000].filter((v) => Math.log10(v) >= x0 && Math.log10(v) <= x1)) {
    out.push(`<line x1="${toX(f)}" y1="${pad.t}" x2="${toX(f)}" y2="${H - pad.b}" stroke="#eee"/>`)
    out.push(`<text x="${toX(f)}" y="${H - pad.b + 16}" text-anchor="middle">${f}</text>`)
  }
  for (const v of [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000]) {
    if (Math.log10(v) < y0 || Math.log10(v) > y1) continue
    out.push(`<line x1="${pad.l}" y1="${toY(v)}" x2="${W - pad.r}" y2="${toY(v)}" stroke="#ddd"/>`)
    out.push(`<text x="${pad.l - 6}" y="${toY(v) + 4}" text-anchor="end">${v >= 1000 ? `${v / 1000} ms` : v}</text>`)
  }
  let legendY = pad.t + 4
  sizes.forEach((size, si) => {
    const ps = points.filter((p) => p.size === size).sort((a, b) => a.followees - b.followees)
    const colour = colours[si % colours.length]
    for (const k of kinds) {
      const d = ps.map((p, i) => `${i ? 'L' : 'M'}${toX(p.followees).toFixed(1)},${toY(p[k.key]).toFixed(1)}`).join(' ')
      out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="${k.dash}"/>`)
      for (const p of ps)
        out.push(
          `<circle cx="${toX(p.followees).toFixed(1)}" cy="${toY(p[k.key]).toFixed(1)}" r="2.5" fill="${colour}"/>`,
        )
      out.push(
        `<line x1="${W - pad.r + 12}" y1="${legendY}" x2="${W - pad.r + 40}" y2="${legendY}" stroke="${colour}" stroke-width="2" stroke-dasharray="${k.dash}"/>`,
      )
      out.push(
        `<text x="${W - pad.r + 46}" y="${legendY + 4}">${size} (${ps[0]?.users.toLocaleString('en')} users): ${k.label}</text>`,
      )
      legendY += 18
    }
    legendY += 8
  })
  out.push('</svg>')
  return out.join('\n')
}

export async function scaling(sizes: string[], seedNo: number, outBase: string, log: (m: string) => void) {
  const points: Point[] = []
  // `--sizes chart` redraws the chart from the last measurements.
  if (sizes[0] === 'chart') {
    writeFileSync(`${outBase}.svg`, chartSvg(JSON.parse(readFileSync(`${outBase}.json`, 'utf8'))))
    return points
  }
  for (const size of sizes) {
    const dataDir = path.resolve('data-bench', `${size}-${seedNo}`)
    log(`measuring ${size} (${dataDir})`)
    const ps = await measureSize(size, dataDir)
    for (const p of ps) log(JSON.stringify(p))
    points.push(...ps)
  }
  writeFileSync(`${outBase}.json`, JSON.stringify(points, null, 2))
  writeFileSync(`${outBase}.svg`, chartSvg(points))
  return points
}
