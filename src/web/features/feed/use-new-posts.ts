import { useEffect, useRef } from 'react'
import type { Status } from '../../api/statuses.ts'

export type NewPostsSource = {
  /** Off until the first page is in. */
  enabled: boolean
  /** The newest status the reader has or has been offered; undefined for an empty feed. */
  newestId: string | undefined
  fetchNewer: (minId: string | undefined) => Promise<Status[]>
  onNew: (statuses: Status[]) => void
  intervalMs?: number
}

/**
 * Posts newer than the reader's newest, checked every 30 s while the tab is visible (and at once
 * when it becomes visible again). The one place that knows how new posts arrive: streaming
 * (a later issue) replaces this hook and keeps its contract.
 */
export function useNewPosts({ enabled, newestId, fetchNewer, onNew, intervalMs = 30_000 }: NewPostsSource) {
  const latest = useRef({ newestId, fetchNewer, onNew })
  latest.current = { newestId, fetchNewer, onNew }

  useEffect(() => {
    if (!enabled) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let lastCheck = Date.now()

    const check = async () => {
      clearTimeout(timer)
      lastCheck = Date.now()
      try {
        const found = await latest.current.fetchNewer(latest.current.newestId)
        if (!stopped && found.length > 0) latest.current.onNew(found)
      } catch {
        // A failed check is simply retried at the next tick.
      }
      if (!stopped) schedule()
    }
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        if (document.visibilityState === 'visible') void check()
        else schedule()
      }, intervalMs)
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastCheck >= intervalMs) void check()
    }

    schedule()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      stopped = true
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [enabled, intervalMs])
}
