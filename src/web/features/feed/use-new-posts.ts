import { useEffect, useRef } from 'react'
import type { Status } from '../../api/statuses.ts'
import { useStreamEvents, useStreamState } from '../../context/streaming.tsx'

export type NewPostsSource = {
  /** Off until the first page is in. */
  enabled: boolean
  /** The newest status the reader has or has been offered; undefined for an empty feed. */
  newestId: string | undefined
  fetchNewer: (minId: string | undefined) => Promise<Status[]>
  onNew: (statuses: Status[]) => void
  /**
   * The feed is the home feed, which the `user` stream carries: while the stream is live, its
   * `update` events say when to look, and the timer stays off. Other feeds keep polling.
   */
  live?: boolean
  intervalMs?: number
}

/**
 * Posts newer than the reader's newest. The one place that knows how new posts arrive: on a live
 * feed, an `update` (or a `resync` after a reconnect) from the stream triggers a fetch of what is
 * newer; without the stream (or for feeds it does not carry), every 30 s while the tab is visible,
 * and at once when it becomes visible again. Fetching rather than using the event's status keeps
 * one path for both, and a burst of events makes one request.
 */
export function useNewPosts({
  enabled,
  newestId,
  fetchNewer,
  onNew,
  live = false,
  intervalMs = 30_000,
}: NewPostsSource) {
  const latest = useRef({ newestId, fetchNewer, onNew })
  latest.current = { newestId, fetchNewer, onNew }
  const streamState = useStreamState()
  const streamed = live && streamState === 'live'
  const checkRef = useRef<() => void>(() => {})

  useEffect(() => {
    if (!enabled) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let lastCheck = Date.now()
    let running = false
    let again = false

    const check = async () => {
      // One request at a time; events that arrive meanwhile ask for one more after it.
      if (running) {
        again = true
        return
      }
      running = true
      clearTimeout(timer)
      lastCheck = Date.now()
      try {
        const found = await latest.current.fetchNewer(latest.current.newestId)
        if (!stopped && found.length > 0) latest.current.onNew(found)
      } catch {
        // A failed check is simply retried at the next tick or event.
      }
      running = false
      if (stopped) return
      if (again) {
        again = false
        // Let React apply `onNew` first, so `newestId` has moved on.
        setTimeout(() => void check(), 0)
      } else schedule()
    }
    const schedule = () => {
      clearTimeout(timer)
      if (streamed) return
      timer = setTimeout(() => {
        if (document.visibilityState === 'visible') void check()
        else schedule()
      }, intervalMs)
    }
    const onVisible = () => {
      if (!streamed && document.visibilityState === 'visible' && Date.now() - lastCheck >= intervalMs) void check()
    }

    checkRef.current = () => void check()
    schedule()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      stopped = true
      checkRef.current = () => {}
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [enabled, intervalMs, streamed])

  useStreamEvents((event) => {
    if (event.type === 'update' || event.type === 'resync') checkRef.current()
  }, live)
}
