// Routes that exist only with KITH_BENCH=1 (bench/README in docs/benchmarks.md): the ceiling a
// target is compared with, on the same Fastify instance with the same hooks, and live server stats.
import { statSync } from 'node:fs'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Type } from 'typebox'
import type { AppContext } from '../context.ts'
import type { Api } from './types.ts'

export function registerBenchRoutes(api: Api, ctx: AppContext): void {
  const bodies = new Map<number, Buffer>()
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()

  api.get(
    '/__bench/ceiling',
    { schema: { hide: true, querystring: Type.Object({ bytes: Type.Integer({ minimum: 2, maximum: 2_000_000 }) }) } },
    async (req, reply) => {
      const n = req.query.bytes
      let body = bodies.get(n)
      if (!body) {
        // A JSON array of the target's size, built once: the cost of everything but the work itself.
        body = Buffer.from(`[${'"x",'.repeat(Math.max(0, Math.floor((n - 6) / 4)))}"x"]`)
        bodies.set(n, body)
      }
      return reply.type('application/json; charset=utf-8').send(body)
    },
  )

  api.post('/__bench/echo', { schema: { hide: true } }, async (_req, reply) => reply.status(201).send({ ok: true }))

  api.get('/__bench/stats', { schema: { hide: true } }, async () => {
    const mem = process.memoryUsage()
    const stats = {
      rss_mb: Math.round(mem.rss / 1048576),
      heap_mb: Math.round(mem.heapUsed / 1048576),
      loop_p50_ms: loop.percentile(50) / 1e6,
      loop_p99_ms: loop.percentile(99) / 1e6,
      loop_max_ms: loop.max / 1e6,
      cpu: process.cpuUsage(),
      db_mb: dbMegabytes(ctx),
      home_feeds_cached: ctx.homeFeeds?.size() ?? 0,
    }
    loop.reset()
    return stats
  })
}

function dbMegabytes(ctx: AppContext): number | null {
  if (ctx.config.database.kind !== 'sqlite') return null
  const file = ctx.config.database.url.replace(/^file:/, '')
  let bytes = 0
  for (const f of [file, `${file}-wal`]) {
    try {
      bytes += statSync(path.resolve(f)).size
    } catch {}
  }
  return Math.round(bytes / 1048576)
}
