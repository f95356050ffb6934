import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '../../api/mastodon-fetch.ts'

export type PagedList<T> = {
  items: T[]
  status: 'loading' | 'ready' | 'error'
  error: unknown
  /** Another page may exist: the Link header named one and the last page was full. */
  hasMore: boolean
  loadingMore: boolean
  loadMore: () => void
  reload: () => void
  /** Change the loaded items in place (an accepted request leaves the list, say). */
  update: (change: (items: T[]) => T[]) => void
}

/**
 * A list paged with `max_id` (Mastodon's Link header): the first page, then more on request.
 * `pageSize` is the server's default page (40), so a shorter page means the end.
 */
export function usePagedList<T>(
  fetchPage: (maxId?: string) => Promise<Page<T>>,
  deps: unknown[],
  pageSize = 40,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [status, setStatus] = useState<PagedList<T>['status']>('loading')
  const [error, setError] = useState<unknown>(null)
  const [next, setNext] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [round, setRound] = useState(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  // NOTE: the caller names what `fetchPage` depends on in `deps`.
  useEffect(() => {
    let live = true
    setStatus((s) => (s === 'ready' && round > 0 ? s : 'loading'))
    fetchRef.current().then(
      (page) => {
        if (!live) return
        setItems(page.items)
        setNext(page.items.length >= pageSize ? page.maxId : null)
        setStatus('ready')
      },
      (err) => {
        if (!live) return
        setError(err)
        setStatus('error')
      },
    )
    return () => {
      live = false
    }
  }, [round, pageSize, ...deps])

  const loadMore = useCallback(() => {
    if (!next || loadingMore) return
    setLoadingMore(true)
    fetchRef.current(next).then(
      (page) => {
        setItems((list) => [...list, ...page.items])
        setNext(page.items.length >= pageSize ? page.maxId : null)
        setLoadingMore(false)
      },
      (err) => {
        setError(err)
        setLoadingMore(false)
      },
    )
  }, [next, loadingMore, pageSize])

  return {
    items,
    status,
    error,
    hasMore: !!next,
    loadingMore,
    loadMore,
    reload: useCallback(() => setRound((r) => r + 1), []),
    update: setItems,
  }
}
