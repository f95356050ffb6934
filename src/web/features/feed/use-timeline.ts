import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react'
import type { Status } from '../../api/statuses.ts'
import type { TimelineLoader } from '../../api/timelines.ts'
import { useStreamEvents } from '../../context/streaming.tsx'
import type { PostListActions } from '../post/post-list.tsx'
import { type Patcher, patchStatus } from '../post/post-model.ts'
import { useNewPosts } from './use-new-posts.ts'

const PAGE = 20

type State = {
  items: Status[]
  /** Newer posts found by polling, waiting behind the "New posts" pill. */
  pending: Status[]
  first: 'loading' | 'ready' | 'error'
  more: 'idle' | 'loading' | 'error' | 'end'
  next: string | null
  error: unknown
}

type Action =
  | { type: 'reset' }
  | { type: 'first'; items: Status[]; next: string | null }
  | { type: 'first-failed'; error: unknown }
  | { type: 'more-loading' }
  | { type: 'more'; items: Status[]; next: string | null }
  | { type: 'more-failed'; error: unknown }
  | { type: 'newer'; items: Status[] }
  | { type: 'reveal' }
  | { type: 'insert'; status: Status }
  | { type: 'patch'; id: string; patch: Patcher }
  | { type: 'remove'; test: (s: Status) => boolean }

const initial: State = { items: [], pending: [], first: 'loading', more: 'idle', next: null, error: null }

function without(list: Status[], known: Status[]): Status[] {
  const ids = new Set(known.map((s) => s.id))
  return list.filter((s) => !ids.has(s.id))
}

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'reset':
      return initial
    case 'first':
      return { ...initial, first: 'ready', items: action.items, next: action.next, more: action.next ? 'idle' : 'end' }
    case 'first-failed':
      return { ...state, first: 'error', error: action.error }
    case 'more-loading':
      return { ...state, more: 'loading' }
    case 'more': {
      const items = [...state.items, ...without(action.items, state.items)]
      const end = !action.next || action.items.length === 0
      return { ...state, items, next: action.next, more: end ? 'end' : 'idle' }
    }
    case 'more-failed':
      return { ...state, more: 'error', error: action.error }
    case 'newer': {
      const fresh = without(without(action.items, state.items), state.pending)
      if (fresh.length === 0) return state
      // Into an empty feed they go straight in; otherwise they wait behind the pill.
      if (state.items.length === 0) return { ...state, items: fresh }
      return { ...state, pending: [...fresh, ...state.pending] }
    }
    case 'reveal':
      return { ...state, items: [...state.pending, ...without(state.items, state.pending)], pending: [] }
    case 'insert':
      return {
        ...state,
        items: [action.status, ...state.items.filter((s) => s.id !== action.status.id)],
        pending: state.pending.filter((s) => s.id !== action.status.id),
      }
    case 'patch':
      return {
        ...state,
        items: state.items.map((s) => patchStatus(s, action.id, action.patch)),
        pending: state.pending.map((s) => patchStatus(s, action.id, action.patch)),
      }
    case 'remove':
      return {
        ...state,
        items: state.items.filter((s) => !action.test(s)),
        pending: state.pending.filter((s) => !action.test(s)),
      }
  }
}

export type TimelineState = ReturnType<typeof useTimeline>

/**
 * One feed's posts: the first page, older pages by `max_id`, newer posts by `min_id` (polled, see
 * useNewPosts) and the changes the reader makes. `sourceKey` names the feed; a new key starts over.
 */
export function useTimeline(
  load: TimelineLoader,
  sourceKey: string,
  options: { insertOwn?: boolean; live?: boolean } = {},
) {
  const [state, dispatch] = useReducer(reduce, initial)
  const loadRef = useRef(load)
  loadRef.current = load
  const nextRef = useRef<string | null>(null)
  nextRef.current = state.next
  const moreRef = useRef(state.more)
  moreRef.current = state.more
  const [round, retry] = useReducer((n: number) => n + 1, 0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `sourceKey` and `round` restart the feed
  useEffect(() => {
    const controller = new AbortController()
    dispatch({ type: 'reset' })
    loadRef.current({ limit: PAGE }, controller.signal).then(
      (page) => dispatch({ type: 'first', items: page.items, next: page.items.length ? page.maxId : null }),
      (error) => !controller.signal.aborted && dispatch({ type: 'first-failed', error }),
    )
    return () => controller.abort()
  }, [sourceKey, round])

  const loadMore = useCallback(async () => {
    const next = nextRef.current
    if (!next || moreRef.current === 'loading' || moreRef.current === 'end') return
    moreRef.current = 'loading'
    dispatch({ type: 'more-loading' })
    try {
      const page = await loadRef.current({ max_id: next, limit: PAGE })
      dispatch({ type: 'more', items: page.items, next: page.maxId })
    } catch (error) {
      dispatch({ type: 'more-failed', error })
    }
  }, [])

  const retryMore = useCallback(() => {
    moreRef.current = 'idle'
    void loadMore()
  }, [loadMore])

  useNewPosts({
    enabled: state.first === 'ready',
    newestId: state.pending[0]?.id ?? state.items[0]?.id,
    fetchNewer: async (minId) => (await loadRef.current(minId ? { min_id: minId, limit: 40 } : { limit: PAGE })).items,
    onNew: (items) => dispatch({ type: 'newer', items }),
    live: options.live,
  })

  // Whatever the feed, a deleted post goes and an edited one shows its new version (the stream
  // renders it for this reader).
  useStreamEvents((event) => {
    if (event.type === 'delete') {
      dispatch({ type: 'remove', test: (s) => s.id === event.id || s.reblog?.id === event.id })
    } else if (event.type === 'status.update') {
      const { reblog: _, ...fresh } = event.status
      dispatch({ type: 'patch', id: fresh.id, patch: () => fresh })
    }
  })

  const insertOwn = options.insertOwn ?? true
  const actions = useMemo<PostListActions>(
    () => ({
      patch: (id, patch) => dispatch({ type: 'patch', id, patch }),
      removeWhere: (test) => dispatch({ type: 'remove', test }),
      insert: (status) => insertOwn && dispatch({ type: 'insert', status }),
    }),
    [insertOwn],
  )

  return {
    ...state,
    actions,
    loadMore,
    retryMore,
    retry,
    reveal: useCallback(() => dispatch({ type: 'reveal' }), []),
    /** A post the reader just wrote: at the top, whatever the feed. */
    add: useCallback((status: Status) => dispatch({ type: 'insert', status }), []),
  }
}
