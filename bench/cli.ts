// npm run bench -- seed --size S|M|L [--seed N] [--pg]
// npm run bench -- run  --size S|M [--rounds R] [--duration S] [--connections C] [--json FILE] [--pg [--instances 2]] [--smoke] [--only a,b]
// npm run bench -- scaling --sizes S,M [--out docs/benchmarks-scaling]
import path from 'node:path'
import { parseArgs } from 'node:util'
import { markdownTable, run, seedExists } from './run.ts'
import { SIZES, type Size, seed } from './seed.ts'

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    json: { type: 'string' },
    pg: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    reseed: { type: 'boolean', default: false },
    only: { type: 'string' },
    instances: { type: 'string', default: '1' },
    sizes: { type: 'string', default: 'S,M' },
    out: { type: 'string', default: 'docs/benchmarks-scaling' },
  },
})
const command = positionals[0]
const size = values.size!.toUpperCase() as Size
if (command === 'scaling') {
  const { scaling } = await import('./scaling.ts')
  await scaling(values.sizes!.split(','), Number(values.seed), values.out!, (m) => console.log(m))
  process.exit(0)
}
if (!(size in SIZES) || !command || !['seed', 'run'].includes(command)) {
  console.error(
    'usage: npm run bench -- seed|run|scaling --size XS|S|M|L [--seed N] [--rounds R] [--duration S] [--json FILE] [--pg] [--smoke]',
  )
  process.exit(2)
}
const seedNo = Number(values.seed)
const dataDir = path.resolve('data-bench', `${size}-${seedNo}${values.pg ? '-pg' : ''}`)
const pgBase = process.env.DATABASE_URL?.startsWith('postgres')
  ? process.env.DATABASE_URL
  : 'postgres://postgres@127.0.0.1:5432/postgres'
const databaseUrl = values.pg ? pgUrlFor(pgBase, `kith_bench_${size.toLowerCase()}_${seedNo}`) : null

function pgUrlFor(baseUrl: string, db: string): string {
  const u = new URL(baseUrl)
  u.pathname = `/${db}`
  return u.toString()
}

async function freshPgDatabase(url: string): Promise<void> {
  const pg = (await import('pg')).default
  const name = new URL(url).pathname.slice(1)
  const admin = new pg.Client({ connectionString: pgBase })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
}

async function doSeed() {
  if (databaseUrl) await freshPgDatabase(databaseUrl)
  const meta = await seed({ size, seed: seedNo, dataDir, databaseUrl })
  console.log(
    JSON.stringify({
      size,
      counts: meta.counts,
      degree: meta.degree,
      seed_s: meta.seed_s,
      db_bytes: meta.db_bytes,
      peak_rss_mb: meta.peak_rss_mb,
    }),
  )
}

if (command === 'seed' || values.reseed || !seedExists(dataDir)) await doSeed()
if (command === 'run') {
  const out = await run({
    dataDir,
    databaseUrl,
    redisUrl: values.pg ? (process.env.REDIS_URL ?? null) : null,
    rounds: Number(values.rounds),
    duration: Number(values.duration),
    connections: Number(values.connections),
    json: values.json,
    mode: values.pg ? (process.env.REDIS_URL ? 'postgres+redis' : 'postgres') : 'sqlite',
    smoke: values.smoke,
    only: values.only?.split(','),
    instances: Number(values.instances),
    log: (m) => console.log(m),
  })
  console.log(markdownTable(out))
  const errors = Object.values(out.targets as Record<string, any>).reduce((a, t) => a + (t?.errors ?? 0), 0)
  const mismatches = (out.targets as any).consistency?.mismatches ?? 0
  if (errors > 0 || mismatches > 0) {
    console.error(`bench: ${errors} errors, ${mismatches} feed mismatches`)
    process.exit(1)
  }
}
