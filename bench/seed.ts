// `npm run bench -- seed --size S|M|L [--seed N]`: a deterministic synthetic network written
// straight into a fresh database (docs/benchmarks.md, method from ../shared/design/performance.md §4.1).
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { hashPassword } from '../src/server/domain/auth/passwords.ts'
import { createRng, normal, type Rng, weightedSampler, zipfSampler } from './prng.ts'
import { postgresWriter, type Row, sqliteWriter, type Writer } from './writer.ts'

export const SIZES = { XS: 1_000, S: 10_000, M: 100_000, L: 1_000_000 } as const
export type Size = keyof typeof SIZES

export type SeedMeta = {
  size: Size
  seed: number
  users: number
  active: number[]
  celebrities: number[]
  heavy: number
  accountIds: string[]
  recentPostIds: string[]
  counts: Record<string, number>
  degree: { in_p50: number; in_p99: number; in_max: number; out_p50: number; out_p99: number; out_max: number }
  seed_s: number
  db_bytes: number | null
  peak_rss_mb: number
}

export function benchToken(seed: number, i: number): string {
  return `bench${seed}x${i}`
}

const WINDOW_MS = 30 * 24 * 3600 * 1000
const REACTIONS = ['like', 'like', 'like', 'love', 'haha', 'wow', 'sad', 'angry']

function makeId(ms: number, seq: number): string {
  return (BigInt(ms) * 65536n + BigInt(seq % 65536)).toString()
}

function vocabulary(rng: Rng, n: number): string[] {
  const syl = [
    'ka',
    'lo',
    'mi',
    'ne',
    'ru',
    'ta',
    'po',
    'se',
    'di',
    'fa',
    'gu',
    'be',
    'ch',
    'an',
    'or',
    'el',
    'is',
    'um',
    'ga',
    'ri',
  ]
  const words = new Set<string>([
    'garden',
    'street',
    'market',
    'cat',
    'bakery',
    'park',
    'music',
    'school',
    'rain',
    'bike',
  ])
  while (words.size < n) {
    let w = ''
    const parts = 2 + Math.floor(rng() * 3)
    for (let i = 0; i < parts; i++) w += syl[Math.floor(rng() * syl.length)]
    words.add(w)
  }
  return [...words]
}

export async function seed(options: {
  size: Size
  seed: number
  dataDir: string
  databaseUrl: string | null
  log?: (msg: string) => void
}): Promise<SeedMeta> {
  const log = options.log ?? ((m: string) => console.log(m))
  const started = performance.now()
  let peakRss = 0
  const sampleRss = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const N = SIZES[options.size]
  const rng = createRng(options.seed)
  // The window ends now, so feeds read by the server look as they would on a live site.
  const now = Date.now()
  const base = now - WINDOW_MS

  // The schema comes from Kith's own migrations, so the generator never drifts from it.
  mkdirSync(options.dataDir, { recursive: true })
  const sqliteFile = path.join(options.dataDir, 'kith.sqlite')
  const databaseUrl = options.databaseUrl ?? `file:${sqliteFile}`
  if (!options.databaseUrl)
    for (const f of [sqliteFile, `${sqliteFile}-wal`, `${sqliteFile}-shm`]) rmSync(f, { force: true })
  const { loadConfig } = await import('../src/server/config.ts')
  const { connectDatabase, migrateToLatest } = await import('../src/server/db/connect.ts')
  const config = loadConfig({}, { DATA_DIR: options.dataDir, DATABASE_URL: databaseUrl })
  const { db } = connectDatabase(config)
  await migrateToLatest(db)
  await db.destroy()
  const writer: Writer = options.databaseUrl ? await postgresWriter(options.databaseUrl) : sqliteWriter(sqliteFile)
  const restoreIndexes = await writer.suspendIndexes()

  // Accounts, users and one token each.
  const accountIds: string[] = []
  for (let i = 0; i < N; i++) accountIds.push(makeId(base - (N - i) * 10, i))
  const created = new Date(base - 3600_000).toISOString()
  const passwordHash = await hashPassword('bench password not used')

  // Follow graph: lognormal out-degree, half Zipf by popularity rank, half uniform; 5 celebrities.
  const sigma = 0.8
  const mu = Math.log(50) - (sigma * sigma) / 2
  const zipfRank = zipfSampler(N, 1, rng)
  const from: number[] = []
  const to: number[] = []
  const edges = new Set<number>()
  const addEdge = (a: number, b: number) => {
    if (a === b) return false
    const key = a * N + b
    if (edges.has(key)) return false
    edges.add(key)
    from.push(a)
    to.push(b)
    return true
  }
  const celebrities = [0, 1, 2, 3, 4].filter((c) => c < N)
  for (let u = 0; u < N; u++) {
    const degree = Math.min(2000, Math.max(1, Math.round(Math.exp(mu + sigma * normal(rng)))))
    for (let k = 0; k < degree; k++) addEdge(u, rng() < 0.5 ? zipfRank() : Math.floor(rng() * N))
  }
  celebrities.forEach((c, idx) => {
    const share = 0.2 + (0.6 * idx) / Math.max(1, celebrities.length - 1)
    for (let u = 0; u < N; u++) if (rng() < share) addEdge(u, c)
  })
  // 20% follow back: those pairs become friends.
  const friendsA: number[] = []
  const friendsB: number[] = []
  const baseEdges = from.length
  for (let e = 0; e < baseEdges; e++) {
    const a = from[e]!
    const b = to[e]!
    if (celebrities.includes(b) || rng() >= 0.2) continue
    if (addEdge(b, a)) {
      friendsA.push(a)
      friendsB.push(b)
    }
  }
  sampleRss()
  const followers = new Int32Array(N)
  const following = new Int32Array(N)
  for (let e = 0; e < from.length; e++) {
    following[from[e]!]!++
    followers[to[e]!]!++
  }
  const friendsCount = new Int32Array(N)
  for (let f = 0; f < friendsA.length; f++) {
    friendsCount[friendsA[f]!]!++
    friendsCount[friendsB[f]!]!++
  }
  log(`graph: ${from.length} follows, ${friendsA.length} friendships`)

  // Posts and comments, in time order; authors ∝ followers^0.3.
  const words = vocabulary(rng, 20_000)
  const wordZipf = zipfSampler(words.length, 1.1, rng)
  const pickAuthor = weightedSampler(
    Array.from(followers, (f) => (f + 1) ** 0.3),
    rng,
  )
  const topLevel = 20 * N
  const total = Math.round(topLevel * 1.5)
  const postAuthor = new Int32Array(total)
  const postParent = new Int32Array(total).fill(-1)
  const postThread = new Int32Array(total)
  const postVis = new Uint8Array(total) // 0 public, 1 private, 2 friends
  const replies = new Int32Array(total)
  const recentTop: number[] = []
  for (let k = 0; k < total; k++) {
    const isComment = recentTop.length > 50 && rng() < 1 / 3
    if (isComment) {
      const parent = recentTop[recentTop.length - 1 - Math.floor(rng() * Math.min(recentTop.length, 2000))]!
      postParent[k] = parent
      postThread[k] = postThread[parent]!
      postVis[k] = postVis[parent]!
      postAuthor[k] = pickAuthor()
      replies[parent]!++
    } else {
      postThread[k] = k
      postAuthor[k] = pickAuthor()
      const v = rng()
      postVis[k] = v < 0.75 ? 0 : v < 0.9 ? 1 : 2
      recentTop.push(k)
    }
  }
  // Reactions: 2 per top-level post on average, skewed to recent posts.
  const reactPost: number[] = []
  const reactAccount: number[] = []
  const reactSeen = new Set<number>()
  const favs = new Int32Array(total)
  const recentZipf = zipfSampler(Math.min(recentTop.length, 200_000), 0.8, rng)
  for (let r = 0; r < 2 * recentTop.length; r++) {
    const p = recentTop[recentTop.length - 1 - recentZipf()]!
    const a = Math.floor(rng() * N)
    const key = p * N + a
    if (reactSeen.has(key)) continue
    reactSeen.add(key)
    reactPost.push(p)
    reactAccount.push(a)
    favs[p]!++
  }
  sampleRss()
  const statuses = new Int32Array(N)
  const lastStatus = new Float64Array(N)
  const postIds: string[] = new Array(total)
  const postMs = (k: number) => base + Math.floor((k * WINDOW_MS) / total)
  for (let k = 0; k < total; k++) {
    postIds[k] = makeId(postMs(k), k)
    statuses[postAuthor[k]!]!++
    lastStatus[postAuthor[k]!] = postMs(k)
  }

  log('writing accounts, users and tokens')
  const accountRows: Row[] = []
  const userRows: Row[] = []
  const tokenRows: Row[] = []
  for (let i = 0; i < N; i++) {
    const id = accountIds[i]!
    accountRows.push([
      id,
      `user${i}`,
      `user${i}`,
      `Neighbour ${i}`,
      created,
      created,
      followers[i]!,
      following[i]!,
      friendsCount[i]!,
      statuses[i]!,
      lastStatus[i] ? new Date(lastStatus[i]!).toISOString() : null,
    ])
    userRows.push([
      id,
      id,
      `user${i}@bench.test`,
      `user${i}@bench.test`,
      passwordHash,
      'user',
      'en',
      created,
      1,
      created,
      created,
    ])
    const token = createHash('sha256').update(benchToken(options.seed, i)).digest('hex')
    tokenRows.push([id, token, id, 'read write follow push', created])
  }
  await writer.insert(
    'accounts',
    [
      'id',
      'username',
      'username_canonical',
      'display_name',
      'created_at',
      'updated_at',
      'followers_count',
      'following_count',
      'friends_count',
      'statuses_count',
      'last_status_at',
    ],
    accountRows,
  )
  await writer.insert(
    'users',
    [
      'id',
      'account_id',
      'email',
      'email_lower',
      'password_hash',
      'role',
      'locale',
      'confirmed_at',
      'approved',
      'created_at',
      'updated_at',
    ],
    userRows,
  )
  await writer.insert('oauth_tokens', ['id', 'token_hash', 'user_id', 'scopes', 'created_at'], tokenRows)
  await writer.insert(
    'site_settings',
    ['key', 'value', 'updated_at'],
    [
      ['setup_completed_at', JSON.stringify(created), created],
      ['name', JSON.stringify('Bench Street'), created],
    ],
  )

  log('writing follows and friendships')
  let seq = 0
  const edgeId = () => {
    const n = seq++
    return makeId(base - 7200_000 + Math.floor(n / 65536), n)
  }
  for (let e = 0; e < from.length; e += 200_000) {
    const rows: Row[] = []
    for (let j = e; j < Math.min(from.length, e + 200_000); j++) {
      rows.push([edgeId(), accountIds[from[j]!]!, accountIds[to[j]!]!, created, 1, 0])
    }
    await writer.insert(
      'follows',
      ['id', 'account_id', 'target_account_id', 'created_at', 'show_reblogs', 'notify'],
      rows,
    )
  }
  const friendRows: Row[] = []
  for (let f = 0; f < friendsA.length; f++) {
    const id = edgeId()
    friendRows.push([id, accountIds[friendsA[f]!]!, accountIds[friendsB[f]!]!, created])
    friendRows.push([id, accountIds[friendsB[f]!]!, accountIds[friendsA[f]!]!, created])
  }
  await writer.insert('friendships', ['id', 'account_id', 'friend_id', 'created_at'], friendRows)
  sampleRss()

  log(`writing ${total} posts`)
  const VIS = ['public', 'private', 'friends']
  for (let k0 = 0; k0 < total; k0 += 100_000) {
    const rows: Row[] = []
    for (let k = k0; k < Math.min(total, k0 + 100_000); k++) {
      const n = 8 + Math.floor(rng() * 33)
      const text = Array.from({ length: n }, () => words[wordZipf()]).join(' ')
      const parent = postParent[k]!
      const at = new Date(postMs(k)).toISOString()
      rows.push([
        postIds[k]!,
        accountIds[postAuthor[k]!]!,
        postIds[postThread[k]!]!,
        parent >= 0 ? postIds[parent]! : null,
        parent >= 0 ? accountIds[postAuthor[parent]!]! : null,
        text,
        `<p>${text}</p>`,
        VIS[postVis[k]!]!,
        replies[k]!,
        favs[k]!,
        at,
        at,
      ])
    }
    await writer.insert(
      'posts',
      [
        'id',
        'account_id',
        'thread_id',
        'in_reply_to_id',
        'in_reply_to_account_id',
        'text',
        'content_html',
        'visibility',
        'replies_count',
        'favourites_count',
        'created_at',
        'updated_at',
      ],
      rows,
    )
    sampleRss()
  }
  log(`writing ${reactPost.length} reactions`)
  for (let r0 = 0; r0 < reactPost.length; r0 += 200_000) {
    const rows: Row[] = []
    for (let r = r0; r < Math.min(reactPost.length, r0 + 200_000); r++) {
      const p = reactPost[r]!
      rows.push([
        makeId(postMs(p) + 1000, r),
        postIds[p]!,
        accountIds[reactAccount[r]!]!,
        REACTIONS[r % REACTIONS.length]!,
        created,
      ])
    }
    await writer.insert('reactions', ['id', 'post_id', 'account_id', 'kind', 'created_at'], rows)
  }
  await restoreIndexes()
  // The reaction-count triggers were off during the load: count once.
  await writer.exec('DELETE FROM post_reaction_counts')
  await writer.exec(
    'INSERT INTO post_reaction_counts (post_id, kind, n) SELECT post_id, kind, count(*) FROM reactions GROUP BY post_id, kind',
  )
  // PostgreSQL also needs VACUUM after a bulk load, or index-only scans still visit the heap.
  await writer.exec(options.databaseUrl ? 'VACUUM ANALYZE' : 'ANALYZE')
  await writer.close()
  sampleRss()

  const order = Array.from({ length: N }, (_, i) => i).sort(() => rng() - 0.5)
  const sortedIn = Array.from(followers).sort((a, b) => a - b)
  const sortedOut = Array.from(following).sort((a, b) => a - b)
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!
  let heavy = 0
  for (let i = 0; i < N; i++) if (following[i]! > following[heavy]!) heavy = i
  let dbBytes: number | null = null
  if (!options.databaseUrl) {
    const { statSync } = await import('node:fs')
    dbBytes = statSync(sqliteFile).size
  }
  const meta: SeedMeta = {
    size: options.size,
    seed: options.seed,
    users: N,
    active: order.slice(0, Math.max(1, Math.floor(N * 0.2))),
    celebrities,
    heavy,
    accountIds,
    recentPostIds: recentTop
      .slice(-5000)
      .filter((k) => postVis[k] === 0)
      .map((k) => postIds[k]!),
    counts: {
      accounts: N,
      follows: from.length,
      friendships: friendsA.length,
      posts: topLevel,
      comments: total - recentTop.length,
      reactions: reactPost.length,
    },
    degree: {
      in_p50: q(sortedIn, 0.5),
      in_p99: q(sortedIn, 0.99),
      in_max: sortedIn.at(-1)!,
      out_p50: q(sortedOut, 0.5),
      out_p99: q(sortedOut, 0.99),
      out_max: sortedOut.at(-1)!,
    },
    seed_s: Math.round((performance.now() - started) / 100) / 10,
    db_bytes: dbBytes,
    peak_rss_mb: Math.round(peakRss / 1048576),
  }
  writeFileSync(path.join(options.dataDir, 'seed.json'), JSON.stringify(meta))
  return meta
}
