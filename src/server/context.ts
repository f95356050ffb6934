import pino, { type Logger } from 'pino'
import type { Config } from './config.ts'
import { connectDatabase, type Db, migrateToLatest } from './db/connect.ts'
import type { Dialect } from './db/dialect.ts'
import { createHomeFeedCache, type HomeFeedCache } from './domain/timelines/home-feed-cache.ts'
import { createDbQueue } from './jobs/db-queue.ts'
import type { JobQueue } from './jobs/queue.ts'
import { createMemoryPubSub } from './pubsub/memory.ts'
import type { PubSub } from './pubsub/pubsub.ts'
import { createRedisPubSub } from './pubsub/redis.ts'

export type Clock = { now(): Date }

/** Everything a request or job needs, passed as an argument: no globals, no DI container. */
export type AppContext = {
  config: Config
  db: Db
  dialect: Dialect
  log: Logger
  clock: Clock
  jobs: JobQueue
  /** The event bus: in-process, or Redis pub/sub when REDIS_URL is set (several instances). */
  pubsub: PubSub
  /** In-memory home feeds (single-process mode only; null when instances share Redis). */
  homeFeeds: HomeFeedCache | null
  close(): Promise<void>
}

export async function createContext(
  config: Config,
  options: { log?: Logger; clock?: Clock; migrate?: boolean } = {},
): Promise<AppContext> {
  const log = options.log ?? pino({ level: config.logLevel })
  const { db, dialect } = connectDatabase(config)
  if (options.migrate !== false) {
    const applied = await migrateToLatest(db)
    if (applied.length > 0) log.info({ applied }, 'database migrated')
  }
  const pubsub = config.redisUrl
    ? await createRedisPubSub(config.redisUrl, config.redisPrefix, log)
    : createMemoryPubSub(log)
  // TODO(scaled mode): a Redis-backed queue when REDIS_URL is set; the db queue is durable in both modes meanwhile.
  const ctx: AppContext = {
    config,
    db,
    dialect,
    log,
    clock: options.clock ?? { now: () => new Date() },
    jobs: createDbQueue(() => ctx),
    pubsub,
    // NOTE: with REDIS_URL several instances serve one site; a cache in one process would miss the
    // others' posts, so they read home feeds straight from the database (see docs/architecture.md).
    homeFeeds: config.redisUrl ? null : createHomeFeedCache(),
    async close() {
      await ctx.jobs.stop()
      await pubsub.close()
      await db.destroy()
    },
  }
  return ctx
}
