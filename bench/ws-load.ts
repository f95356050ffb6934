// WebSocket load: how many streaming clients one Kith instance holds, and how fast an event reaches
// them. Loopback only and bounded in time. Usage:
//   node bench/ws-load.ts [--sockets 2000] [--users 100] [--posts 20] [--interval-ms 500] [--pg]
// Half the sockets follow the author on their `user` stream (spread over --users accounts, so each
// event is checked and rendered per reader), half watch `public` without a token. Kith runs as its own
// process (production mode, KITH_BENCH=1); latency is from just before the POST to each socket's receipt.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { loadConfig } from '../src/server/config.ts'
import { createContext } from '../src/server/context.ts'
import { createAccount } from '../src/server/domain/accounts/create-account.ts'
import { followAccount } from '../src/server/domain/graph/follow.ts'
import { createAccessToken } from '../src/server/domain/oauth/access-tokens.ts'
import { completeSetup } from '../src/server/domain/site/setup.ts'

const { values: args } = parseArgs({
  options: {
    sockets: { type: 'string', default: '2000' },
    users: { type: 'string', default: '100' },
    posts: { type: 'string', default: '20' },
    'interval-ms': { type: 'string', default: '500' },
    'deadline-s': { type: 'string', default: '300' },
    /** Share of sockets on `user` streams (the rest watch `public` signed out), in percent. */
    'user-streams': { type: 'string', default: '50' },
    /** Posts sent first to warm the server up (first requests, JIT), reported apart. */
    warmup: { type: 'string', default: '3' },
    pg: { type: 'boolean', default: false },
  },
})
const SOCKETS = Number(args.sockets)
const USERS = Number(args.users)
const POSTS = Number(args.posts)
const INTERVAL = Number(args['interval-ms'])
const USER_SHARE = Number(args['user-streams']) / 100
const WARMUP = Number(args.warmup)
const deadline = setTimeout(() => {
  console.error('ws-load: deadline reached, giving up')
  process.exit(2)
}, Number(args['deadline-s']) * 1000)
deadline.unref()

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-ws-load-'))
const databaseUrl = args.pg ? process.env.DATABASE_URL : `file:${path.join(dataDir, 'kith.sqlite')}`
if (!databaseUrl) throw new Error('--pg needs DATABASE_URL')
const env = {
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  PUBLIC_URL: 'http://127.0.0.1',
  SECRET_KEY_BASE: 'ws-load-benchmark-secret-ws-load-benchmark-secret',
  KITH_BENCH: '1',
  ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `kith-ws-load-${process.pid}:` } : {}),
}
const PASSWORD = 'correct horse battery staple'

async function seed() {
  const ctx = await createContext(loadConfig({}, { ...env, LOG_LEVEL: 'silent' }), { log: pino({ level: 'silent' }) })
  await completeSetup(ctx, {
    siteName: 'WS load',
    description: '',
    registrationMode: 'open',
    username: 'owner',
    email: 'owner@example.com',
    password: PASSWORD,
  })
  const make = async (username: string) => {
    const { user, account } = await createAccount(ctx, ctx.db, {
      username,
      email: `${username}@example.com`,
      password: PASSWORD,
      confirmed: true,
      approved: true,
    })
    const { accessToken } = await createAccessToken(ctx, ctx.db, { userId: user.id, appId: null, scopes: 'read write' })
    return { account, token: accessToken }
  }
  const author = await make('author')
  const readers = []
  for (let i = 0; i < USERS; i++) {
    const r = await make(`reader${i}`)
    await followAccount(ctx, r.account, author.account.id)
    readers.push(r)
  }
  await ctx.close()
  return { author, readers }
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  await new Promise((r) => server.close(r))
  return port
}

async function start(): Promise<{ child: ChildProcess; base: string }> {
  const node = path.resolve(import.meta.dirname, '../node_modules/.bin/node')
  const port = await freePort()
  const child = spawn(node, [path.resolve(import.meta.dirname, '../src/server/main.ts')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  process.once('exit', () => child.kill('SIGTERM'))
  const base = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kith exited with ${child.exitCode}`)
    const ok = await fetch(`${base}/api/v1/streaming/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { child, base }
    await new Promise((r) => setTimeout(r, 100))
  }
}

type Client = { ws: WebSocket; seen: Map<string, number>; user: boolean }

async function openAll(base: string, tokens: string[]): Promise<{ clients: Client[]; failed: number; ms: number }> {
  const wsBase = base.replace(/^http/, 'ws')
  const clients: Client[] = []
  let failed = 0
  let userSockets = 0 // spreads user streams over every reader account
  const t0 = performance.now()
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const user = i % 100 < USER_SHARE * 100
      const url = `${wsBase}/api/v1/streaming?stream=${user ? 'user' : 'public'}`
      const ws = user ? new WebSocket(url, [tokens[userSockets++ % tokens.length]!]) : new WebSocket(url)
      const client: Client = { ws, seen: new Map(), user }
      ws.addEventListener('message', (e) => {
        const at = performance.now()
        const m = JSON.parse(String(e.data))
        if (m.event === 'update') client.seen.set(JSON.parse(m.payload).id, at)
      })
      ws.addEventListener('open', () => {
        clients.push(client)
        resolve()
      })
      ws.addEventListener('error', () => {
        failed++
        resolve()
      })
    })
  for (let i = 0; i < SOCKETS; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, SOCKETS - i) }, (_, j) => one(i + j)))
  }
  return { clients, failed, ms: performance.now() - t0 }
}

const median = (xs: number[]) =>
  xs.length
    ? Math.round(
        pct(
          [...xs].sort((a, b) => a - b),
          50,
        ),
      )
    : null
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

async function main() {
  const seedStart = performance.now()
  const { author, readers } = await seed()
  console.log(`seeded ${USERS} readers in ${Math.round(performance.now() - seedStart)} ms`)
  const { child, base } = await start()
  try {
    const stats = async () => (await fetch(`${base}/__bench/stats`)).json()
    const before = await stats()
    const { clients, failed, ms } = await openAll(
      base,
      readers.map((r) => r.token),
    )
    console.log(`opened ${clients.length} sockets (${failed} failed) in ${Math.round(ms)} ms`)
    await new Promise((r) => setTimeout(r, 1000)) // let subscriptions settle
    const held = await stats()

    const sent: { id: string; at: number }[] = []
    for (let i = 0; i < WARMUP + POSTS; i++) {
      const at = performance.now()
      const res = await fetch(`${base}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${author.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: `Load post ${i}: ${'words '.repeat(20)}` }),
      })
      if (res.status !== 200) throw new Error(`post failed: ${res.status} ${await res.text()}`)
      sent.push({ id: (await res.json()).id, at })
      await new Promise((r) => setTimeout(r, INTERVAL))
    }
    await new Promise((r) => setTimeout(r, 3000)) // stragglers
    const loaded = await stats()

    const latencies: number[] = []
    const byStream = { user: [] as number[], public: [] as number[] }
    const perPost: number[] = []
    let missing = 0
    for (const { id, at } of sent.slice(WARMUP)) {
      let last = 0
      for (const c of clients) {
        const got = c.seen.get(id)
        if (got === undefined) missing++
        else {
          latencies.push(got - at)
          byStream[c.user ? 'user' : 'public'].push(got - at)
          last = Math.max(last, got - at)
        }
      }
      perPost.push(Math.round(last))
    }
    latencies.sort((a, b) => a - b)
    const warmUp = sent
      .slice(0, WARMUP)
      .map(({ id, at }) => Math.round(Math.max(...clients.map((c) => (c.seen.get(id) ?? Number.NaN) - at))))
    const result = {
      database: args.pg ? 'postgres' : 'sqlite',
      bus: process.env.REDIS_URL ? 'redis' : 'memory',
      sockets_requested: SOCKETS,
      sockets_open: clients.length,
      sockets_failed: failed,
      user_stream_sockets: clients.filter((c) => c.user).length,
      reader_accounts: USERS,
      posts: POSTS,
      deliveries: latencies.length,
      missing,
      latency_ms: {
        p50: Math.round(pct(latencies, 50)),
        p90: Math.round(pct(latencies, 90)),
        p99: Math.round(pct(latencies, 99)),
        max: Math.round(latencies.at(-1) ?? 0),
      },
      p50_by_stream_ms: { user: median(byStream.user), public: median(byStream.public) },
      last_delivery_per_post_ms: perPost,
      warm_up_posts_last_delivery_ms: warmUp,
      server_rss_mb: { before: before.rss_mb, holding: held.rss_mb, after_load: loaded.rss_mb },
      server_loop_p99_ms: loaded.loop_p99_ms,
    }
    console.log(JSON.stringify(result, null, 2))
    for (const c of clients) c.ws.close()
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
process.exit(0)
