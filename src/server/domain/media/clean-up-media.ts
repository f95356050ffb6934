// Uploads that were never posted are removed after a day. The job is idempotent: it deletes what is
// stale at the moment it runs, so running it twice, or from two processes at once, does no harm.
import type { AppContext } from '../../context.ts'
import { deleteUnattachedMedia } from './media-store.ts'
import { deleteMedia } from './storage.ts'

export const UNATTACHED_MEDIA_TTL_MS = 24 * 3600 * 1000
const CLEANUP_EVERY_MS = 3600 * 1000
const BATCH = 200

export async function cleanUpMedia(ctx: AppContext): Promise<void> {
  const before = new Date(ctx.clock.now().getTime() - UNATTACHED_MEDIA_TTL_MS).toISOString()
  for (;;) {
    const keys = await deleteUnattachedMedia(ctx.db, before, BATCH)
    for (const key of keys) {
      await deleteMedia(ctx, key).catch((err) => ctx.log.warn({ err, key }, 'could not delete an unattached upload'))
    }
    if (keys.length < BATCH) return
  }
}

/** Enqueues the clean-up now and then hourly; returns a function that stops the timer. */
export function scheduleMediaCleanup(ctx: AppContext): () => void {
  const enqueue = () =>
    ctx.jobs.enqueue('cleanUpMedia', {}).catch((err) => ctx.log.warn({ err }, 'could not enqueue cleanUpMedia'))
  void enqueue()
  const timer = setInterval(enqueue, CLEANUP_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
