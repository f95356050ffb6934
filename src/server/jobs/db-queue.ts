// Embedded job queue: a `jobs` table in the main database, polled by this process.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../context.ts'
import { handlers } from './handlers.ts'
import type { JobName, JobPayloads, JobQueue } from './queue.ts'

const POLL_MS = 1000
const LOCK_MS = 60_000
const MAX_ATTEMPTS = 8

export function createDbQueue(getCtx: () => AppContext): JobQueue {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = true

  async function runOne(): Promise<boolean> {
    const ctx = getCtx()
    const now = ctx.clock.now()
    const nowIso = now.toISOString()
    const job = await ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('run_at', '<=', nowIso)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst()
    if (!job) return false
    // Claim it; another process that claimed it first makes this update touch no row.
    const claimed = await ctx.db
      .updateTable('jobs')
      .set({ locked_until: new Date(now.getTime() + LOCK_MS).toISOString(), attempts: job.attempts + 1 })
      .where('id', '=', job.id)
      .where('attempts', '=', job.attempts)
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 0) return true
    try {
      const handler = handlers[job.name as JobName] as (ctx: AppContext, payload: unknown) => Promise<void>
      if (!handler) throw new Error(`No handler for job ${job.name}`)
      await handler(ctx, JSON.parse(job.payload))
      await ctx.db.deleteFrom('jobs').where('id', '=', job.id).execute()
    } catch (err) {
      ctx.log.error({ err, job: job.name, attempts: job.attempts + 1 }, 'job failed')
      if (job.attempts + 1 >= MAX_ATTEMPTS) {
        await ctx.db.deleteFrom('jobs').where('id', '=', job.id).execute()
      } else {
        const backoff = 2 ** job.attempts * 5000
        await ctx.db
          .updateTable('jobs')
          .set({
            locked_until: null,
            run_at: new Date(now.getTime() + backoff).toISOString(),
            last_error: String(err).slice(0, 2000),
          })
          .where('id', '=', job.id)
          .execute()
      }
    }
    return true
  }

  async function runAll(): Promise<void> {
    while (await runOne()) {}
  }

  function kick(): void {
    if (stopped || running) return
    running = runAll()
      .catch((err) => getCtx().log.error({ err }, 'job queue error'))
      .finally(() => {
        running = null
      })
  }

  return {
    async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: { delayMs?: number }) {
      const ctx = getCtx()
      const now = ctx.clock.now()
      await ctx.db
        .insertInto('jobs')
        .values({
          id: newId(now),
          name,
          payload: JSON.stringify(payload),
          run_at: new Date(now.getTime() + (options?.delayMs ?? 0)).toISOString(),
          attempts: 0,
          created_at: now.toISOString(),
        })
        .execute()
      if (!options?.delayMs) setImmediate(kick)
    },
    start() {
      stopped = false
      timer = setInterval(kick, POLL_MS)
      timer.unref()
      kick()
    },
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      await running
    },
    async drain() {
      await running
      await runAll()
    },
  }
}
