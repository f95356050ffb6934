// `npm run bench -- run --size S|M [--rounds R] [--json FILE]`: starts Kith as a separate production-
// mode process and, for each target, runs R interleaved rounds of [ceiling, target] with autocannon
// in its own process (method: ../shared/design/performance.md §4.2; results: docs/benchmarks.md).
import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { LoadRequest, LoadSpec } from './load.ts'
import { benchToken, type SeedMeta } from './seed.ts'

export type RunOptions = {
  dataDir: string
  databaseUrl: string | null
  redisUrl: string | null
  rounds: number
  duration: number
  connections: number
  json?: string
  mode: string
  smoke: boolean
  /** Kith processes sharing the database (and Redis): 2 measures the scaled mode's horizontal step. */
  instances?: number
  /** Run only these targets (comma-separated names), for profiling one route. */
  only?: string[]
  log: (msg: string) => void
}

type Target = {
  name: string
  requests: LoadRequest[]
  write?: boolean
  connections?: number
  /** Tokens of users whose home feeds were warmed, or of anyone. */
  users?: 'warm' | 'all' | 'heavy'
}

type RunResult = {
  rps: number
  p50_us: number
  p90_us: number
  p99_us: number
  max_us: number
  errors: number
  bytes_avg: number
}

const node = path.resolve('node_modules/.bin/node')
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

async function startServer(o: RunOptions, port: number): Promise<ChildProcess> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: o.dataDir,
    KITH_BENCH: '1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  }
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl
  else delete env.DATABASE_URL
  if (o.redisUrl) env.REDIS_URL = o.redisUrl
  else delete env.REDIS_URL
  // BENCH_SERVER_ARGS passes Node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(node, [...nodeArgs, 'src/server/main.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 100))
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/kith/v1/site`)).ok) return child
    } catch {}
  }
  throw new Error('server did not start')
}

/** One load run; with several instances, one generator per instance in parallel, results combined. */
async function load(spec: LoadSpec, urls: string[] = [spec.url]): Promise<RunResult> {
  if (urls.length === 1) return loadOne({ ...spec, url: urls[0]! })
  const share = (n: number | undefined) => (n === undefined ? undefined : Math.max(1, Math.round(n / urls.length)))
  const parts = await Promise.all(
    urls.map((url) =>
      loadOne({ ...spec, url, connections: share(spec.connections)!, overallRate: share(spec.overallRate) }),
    ),
  )
  const mean = (k: keyof RunResult) => Math.round(parts.reduce((a, p) => a + p[k], 0) / parts.length)
  return {
    rps: parts.reduce((a, p) => a + p.rps, 0),
    p50_us: mean('p50_us'),
    p90_us: Math.max(...parts.map((p) => p.p90_us)),
    p99_us: Math.max(...parts.map((p) => p.p99_us)),
    max_us: Math.max(...parts.map((p) => p.max_us)),
    errors: parts.reduce((a, p) => a + p.errors, 0),
    bytes_avg: mean('bytes_avg'),
  }
}

let specCount = 0

function warmPageCache(file: string): void {
  const fd = openSync(file, 'r')
  const buffer = Buffer.allocUnsafe(8 << 20)
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0) {}
  } finally {
    closeSync(fd)
  }
}

function loadOne(spec: LoadSpec): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const specFile = path.join(tmpdir(), `kith-bench-load-${process.pid}-${++specCount}.json`)
    writeFileSync(specFile, JSON.stringify(spec))
    const child = spawn(node, [path.resolve('bench/load.ts'), specFile], { stdio: ['ignore', 'pipe', 'inherit'] })
    child.on('exit', () => rmSync(specFile, { force: true }))
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`))))
  })
}

export async function run(o: RunOptions): Promise<Record<string, unknown>> {
  const meta: SeedMeta = JSON.parse(readFileSync(path.join(o.dataDir, 'seed.json'), 'utf8'))
  const port = 3900 + Math.floor(Math.random() * 90)
  const base = `http://127.0.0.1:${port}`
  // Read the SQLite file once so the runs measure Kith with its data in the OS page cache (a server's
  // steady state), not the first touches of a cold disk: at size M that alone made reads 10× slower.
  if (!o.databaseUrl) warmPageCache(path.join(o.dataDir, 'kith.sqlite'))
  const servers = [await startServer(o, port)]
  // Instance 2+ on the next ports; requests are spread evenly (a proxy's round robin, without its cost).
  for (let i = 1; i < (o.instances ?? 1); i++) servers.push(await startServer(o, port + i))
  const urls = servers.map((_, i) => `http://127.0.0.1:${port + i}`)
  const tokenOf = (i: number) => benchToken(meta.seed, i)
  try {
    const get = async (p: string, token: string) => {
      const res = await fetch(base + p, { headers: { authorization: `Bearer ${token}` } })
      return { status: res.status, body: await res.text() }
    }
    // Warm-up: fill the home feeds of (up to) 4,000 active users.
    const warm = meta.active.slice(0, o.smoke ? 500 : 4000)
    const started = performance.now()
    const needsWarm =
      !o.only ||
      o.only.some((n) => ['home', 'home_pages', 'mix', 'consistency', 'notifications', 'concurrency'].includes(n))
    for (let i = 0; needsWarm && i < warm.length; i += 16) {
      await Promise.all(warm.slice(i, i + 16).map((u) => get('/api/v1/timelines/home?limit=20', tokenOf(u))))
    }
    o.log(`warmed ${warm.length} home feeds in ${Math.round(performance.now() - started)} ms`)
    // Targets whose endpoints exist in this build (a probe on a real post).
    const probe = await fetch(`${base}/api/v1/statuses/${meta.recentPostIds[0]}/favourite`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenOf(warm[0]!)}` },
    })
    const hasLike = probe.status === 200
    const hasNotifications = (await get('/api/v1/notifications', tokenOf(warm[0]!))).status === 200

    const targets: Target[] = [
      { name: 'home', users: 'warm', requests: [{ method: 'GET', path: '/api/v1/timelines/home?limit=20' }] },
      // since_id skips the in-memory feed: the database pull a cold reader gets.
      {
        name: 'home_cold',
        users: 'all',
        requests: [{ method: 'GET', path: '/api/v1/timelines/home?limit=20&since_id=1' }],
      },
      {
        name: 'home_cold_heavy',
        users: 'heavy',
        connections: 1,
        requests: [{ method: 'GET', path: '/api/v1/timelines/home?limit=20&since_id=1' }],
      },
      // Deeper pages: below a random recent post, as scrolling down pages 2–5 reads.
      {
        name: 'home_pages',
        users: 'warm',
        requests: [{ method: 'GET', path: '/api/v1/timelines/home?limit=20&max_id={post}' }],
      },
      { name: 'context', users: 'all', requests: [{ method: 'GET', path: '/api/v1/statuses/{post}/context' }] },
      ...(hasNotifications
        ? [
            {
              name: 'notifications',
              users: 'warm' as const,
              requests: [{ method: 'GET' as const, path: '/api/v1/notifications?limit=20' }],
            },
          ]
        : []),
      {
        name: 'post_create',
        users: 'warm',
        write: true,
        requests: [{ method: 'POST', path: '/api/v1/statuses', body: '{"status":"bench post {n} about the garden"}' }],
      },
      {
        name: 'comment',
        users: 'all',
        write: true,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/statuses',
            body: '{"status":"bench comment {n}","in_reply_to_id":"{post}"}',
          },
        ],
      },
      // Half follows, half unfollows of random accounts: the feed cache's refill on a graph change.
      {
        name: 'follow_unfollow',
        users: 'warm',
        write: true,
        requests: [
          { method: 'POST', path: '/api/v1/accounts/{account}/follow', weight: 1 },
          { method: 'POST', path: '/api/v1/accounts/{account}/unfollow', weight: 1 },
        ],
      },
      ...(hasLike
        ? [
            {
              name: 'like',
              users: 'all' as const,
              write: true,
              requests: [{ method: 'POST' as const, path: '/api/v1/statuses/{post}/favourite' }],
            },
          ]
        : []),
      {
        name: 'mix',
        users: 'warm',
        requests: [
          { method: 'GET', path: '/api/v1/timelines/home?limit=20', weight: 60 },
          { method: 'GET', path: '/api/v1/statuses/{post}/context', weight: 15 },
          ...(hasLike ? [{ method: 'POST' as const, path: '/api/v1/statuses/{post}/favourite', weight: 12 }] : []),
          { method: 'POST', path: '/api/v1/statuses', body: '{"status":"mix post {n}"}', weight: 3 },
          {
            method: 'POST',
            path: '/api/v1/statuses',
            body: '{"status":"mix reply {n}","in_reply_to_id":"{post}"}',
            weight: 4,
          },
        ],
      },
    ]
    const tokensFor = (t: Target) =>
      t.users === 'heavy' ? [tokenOf(meta.heavy)] : t.users === 'warm' ? warm.map(tokenOf) : meta.active.map(tokenOf)
    const results: Record<string, unknown> = {}
    const stats: unknown[] = []
    const runTarget = async (t: Target) => {
      const tokens = tokensFor(t)
      const connections = t.connections ?? o.connections
      const specFor = (requests: LoadRequest[], duration: number, rate?: number): LoadSpec => ({
        url: base,
        connections,
        duration,
        overallRate: rate,
        tokens,
        posts: meta.recentPostIds,
        accounts: meta.accountIds,
        requests,
      })
      const sample = await load(specFor(t.requests, 1), urls)
      const ceilingReq: LoadRequest[] = t.write
        ? [{ method: 'POST', path: '/__bench/echo', body: t.requests[0]!.body ?? '{}' }]
        : [{ method: 'GET', path: `/__bench/ceiling?bytes=${Math.max(2, sample.bytes_avg)}` }]
      const rounds: { ceiling: RunResult; target: RunResult; ratio: number }[] = []
      for (let r = 0; r < o.rounds; r++) {
        const ceiling = await load(specFor(ceilingReq, o.duration), urls)
        const target = await load(specFor(t.requests, o.duration), urls)
        rounds.push({ ceiling, target, ratio: ceiling.rps ? target.rps / ceiling.rps : 0 })
      }
      const tr = rounds.map((x) => x.target)
      const ratios = rounds.map((x) => x.ratio).sort((a, b) => a - b)
      const ceilings = rounds.map((x) => x.ceiling.rps)
      const cv =
        Math.sqrt(ceilings.reduce((a, c) => a + (c - median(ceilings)) ** 2, 0) / ceilings.length) /
        (median(ceilings) || 1)
      results[t.name] = {
        ratio: Math.round(median(ratios) * 1000) / 1000,
        ratio_iqr: [ratios[Math.floor(ratios.length / 4)], ratios[Math.floor((3 * ratios.length) / 4)]].map(
          (x) => Math.round((x ?? 0) * 1000) / 1000,
        ),
        rps: Math.round(median(tr.map((x) => x.rps))),
        p50_us: median(tr.map((x) => x.p50_us)),
        p90_us: median(tr.map((x) => x.p90_us)),
        p99_us: median(tr.map((x) => x.p99_us)),
        errors: tr.reduce((a, x) => a + x.errors, 0),
        bytes: sample.bytes_avg,
        connections,
        noisy: cv > 0.3,
      }
      stats.push({ target: t.name, ...(JSON.parse((await get('/__bench/stats', tokenOf(0))).body) as object) })
      o.log(`${t.name}: ${JSON.stringify(results[t.name])}`)
    }
    const chosen = targets.filter((x) => !o.only || o.only.includes(x.name))
    // Graph changes invalidate the readers' cached feeds, so they run after every read measurement.
    const isGraph = (t: Target) => t.name === 'follow_unfollow'
    for (const t of chosen.filter((x) => !isGraph(x))) await runTarget(t)
    if (!o.smoke && (!o.only || o.only.includes('concurrency'))) {
      // c=1 service time, c=256 overload, and the open-loop tail at 70% of the closed-loop maximum.
      const homeReq: LoadRequest[] = [{ method: 'GET', path: '/api/v1/timelines/home?limit=20' }]
      const spec = (c: number, rate?: number): LoadSpec => ({
        url: base,
        connections: c,
        duration: o.duration,
        overallRate: rate,
        tokens: warm.map(tokenOf),
        posts: meta.recentPostIds,
        requests: homeReq,
      })
      results.home_c1 = await load(spec(1))
      results.home_c16 = await load(spec(16), urls)
      results.home_c256 = await load(spec(256), urls)
      const max = (results.home as { rps: number } | undefined)?.rps
      if (max) results.home_open_loop_70 = await load(spec(64, Math.round(max * 0.7)), urls)
    }
    for (const t of chosen.filter(isGraph)) await runTarget(t)
    // With two instances the probe posts through one and reads through the other.
    if (!o.only || o.only.includes('fanout_lag'))
      results.fanout_lag = await fanoutLag(base, urls.at(-1)!, meta, tokenOf, o.smoke)
    if (!o.only || o.only.includes('consistency'))
      results.consistency = await consistency(meta, warm.slice(0, o.smoke ? 50 : 200), tokenOf, get)
    const out = {
      size: meta.size,
      mode: o.mode,
      instances: servers.length,
      rounds: o.rounds,
      duration_s: o.duration,
      targets: results,
      resources: {
        rss_mb: Math.max(0, ...stats.map((s: any) => s.rss_mb)),
        loop_p99_ms: Math.max(0, ...stats.map((s: any) => s.loop_p99_ms)),
        db_mb: (stats.at(-1) as any)?.db_mb ?? null,
        seed_s: meta.seed_s,
        seed_peak_rss_mb: meta.peak_rss_mb,
      },
      seed: { counts: meta.counts, degree: meta.degree },
      stats,
    }
    if (o.json) writeFileSync(o.json, JSON.stringify(out, null, 2))
    return out
  } finally {
    for (const server of servers) {
      server.kill('SIGTERM')
      await new Promise((r) => server.once('exit', r))
    }
  }
}

/** Post as an account with many followers; poll a cached follower's home until the post shows. */
/**
 * Post → visible in a follower's home feed (cached, as a warm reader's is), measured from sending
 * the post, for an author with about 1,000 followers and for the biggest celebrity. The follower is
 * one who really follows the author (read from the API), and a post never seen in 5 s counts as 5 s.
 */
async function fanoutLag(
  base: string,
  readBase: string,
  meta: SeedMeta,
  tokenOf: (i: number) => string,
  smoke: boolean,
) {
  // A smoke run only proves the probe works: fewer accounts scanned, fewer posts.
  const [scan, posts] = smoke ? [60, 4] : [400, 20]
  const get = async (p: string, token: string, at = readBase) => {
    const res = await fetch(at + p, { headers: { authorization: `Bearer ${token}` } })
    return { status: res.status, body: await res.text() }
  }
  const indexOf = new Map(meta.accountIds.map((id, i) => [id, i]))
  const followersOf = async (author: number) => {
    const { body } = await get(`/api/v1/accounts/${meta.accountIds[author]}`, tokenOf(author), base)
    return (JSON.parse(body) as { followers_count: number }).followers_count
  }
  // Popularity follows user rank in the generator: the ~1k-follower author is among the first few hundred.
  let mid = meta.celebrities.length
  let midFollowers = 0
  for (let i = 0; i < Math.min(scan, meta.accountIds.length); i++) {
    if (meta.celebrities.includes(i)) continue
    const n = await followersOf(i)
    if (Math.abs(n - 1000) < Math.abs(midFollowers - 1000)) [mid, midFollowers] = [i, n]
  }
  const probe = async (author: number) => {
    const { body } = await get(`/api/v1/accounts/${meta.accountIds[author]}/followers?limit=80`, tokenOf(author), base)
    const follower = (JSON.parse(body) as { id: string }[]).map((a) => indexOf.get(a.id)).find((i) => i !== undefined)
    if (follower === undefined) return null
    await get('/api/v1/timelines/home?limit=1', tokenOf(follower)) // a cached, warm reader
    const lags: number[] = []
    for (let i = 0; i < posts; i++) {
      const t0 = performance.now()
      const res = await fetch(`${base}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokenOf(author)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: `fan-out probe ${i}` }),
      })
      const id = (await res.json()).id as string
      while (performance.now() - t0 < 5000) {
        if ((await get('/api/v1/timelines/home?limit=5', tokenOf(follower))).body.includes(id)) break
        await new Promise((r) => setTimeout(r, 10))
      }
      lags.push(Math.min(5000, performance.now() - t0))
    }
    lags.sort((a, b) => a - b)
    return {
      followers: await followersOf(author),
      p50_ms: Math.round(lags[Math.floor(lags.length / 2)]! * 10) / 10,
      p99_ms: Math.round(lags.at(-1)! * 10) / 10,
    }
  }
  return { about_1k: await probe(mid), celebrity: await probe(meta.celebrities[0]!) }
}

/** The cached feed against a fresh database read, for a sample of readers: mismatches must be 0. */
async function consistency(
  _meta: SeedMeta,
  warm: number[],
  tokenOf: (i: number) => string,
  get: (p: string, t: string) => Promise<{ status: number; body: string }>,
) {
  let mismatches = 0
  const sample = warm
  for (const u of sample) {
    const ids = (b: string) => (JSON.parse(b) as { id: string }[]).map((s) => s.id).join(',')
    const cached = await get('/api/v1/timelines/home?limit=20', tokenOf(u))
    const fresh = await get('/api/v1/timelines/home?limit=20&since_id=1', tokenOf(u))
    if (ids(cached.body) !== ids(fresh.body)) mismatches++
  }
  return { checked: sample.length, mismatches }
}

export function markdownTable(out: any): string {
  const rows = Object.entries(out.targets as Record<string, any>).filter(([, v]) => v && typeof v.rps === 'number')
  const lines = [
    `| target | ratio | req/s | p50 µs | p90 µs | p99 µs | errors |`,
    `|---|---|---|---|---|---|---|`,
    ...rows.map(
      ([k, v]) =>
        `| ${k} | ${v.ratio ?? '—'} | ${Math.round(v.rps)} | ${v.p50_us} | ${v.p90_us} | ${v.p99_us} | ${v.errors} |`,
    ),
  ]
  return lines.join('\n')
}

export function seedExists(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'seed.json'))
}
