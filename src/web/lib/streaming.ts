// The signed-in tab's one WebSocket to the streaming API (docs/streaming.md): it subscribes to the
// `user` stream with Kith's kind names, reconnects with back-off, and says `resync` whenever events
// may have been missed (after every (re)connect, and on each tick while it has to poll instead), so
// each listener catches up over REST with its own `since_id`. Nothing else in the app opens sockets.
import type { Notification } from '#shared/mastodon-notifications.ts'
import type { Status } from '#shared/mastodon-statuses.ts'

export type StreamEvent =
  | { type: 'update'; status: Status }
  | { type: 'status.update'; status: Status }
  | { type: 'delete'; id: string }
  | { type: 'notification'; notification: Notification }
  /** Events may have been missed: fetch what is newer than what you have. */
  | { type: 'resync' }

/** `live`: the socket is subscribed; `polling`: it cannot open, so `resync` ticks stand in for it. */
export type StreamState = 'connecting' | 'live' | 'polling' | 'closed'

export type Stream = {
  subscribe: (listener: (event: StreamEvent) => void) => () => void
  onStateChange: (listener: () => void) => () => void
  state: () => StreamState
  close: () => void
}

type Options = { pollMs?: number; url?: string }

const MAX_BACKOFF_MS = 60_000
/** Failed attempts in a row before polling stands in for the socket (it keeps trying to reconnect). */
const POLL_AFTER_FAILURES = 2

export function streamingUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/api/v1/streaming?kith=true`
}

export function openUserStream({ pollMs = 30_000, url = streamingUrl() }: Options = {}): Stream {
  const listeners = new Set<(event: StreamEvent) => void>()
  const stateListeners = new Set<() => void>()
  let state: StreamState = 'connecting'
  let socket: WebSocket | null = null
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let pollTimer: ReturnType<typeof setInterval> | undefined
  let closed = false
  /** The server refused the cookie (another origin than PUBLIC_URL): stop trying the socket. */
  let refused = false

  const emit = (event: StreamEvent) => {
    for (const listener of listeners) {
      try {
        listener(event)
      } catch (error) {
        console.error(error)
      }
    }
  }
  const setState = (next: StreamState) => {
    if (state === next) return
    state = next
    document.documentElement.dataset.stream = next
    for (const listener of stateListeners) listener()
  }

  const startPolling = () => {
    setState('polling')
    if (pollTimer) return
    emit({ type: 'resync' })
    pollTimer = setInterval(() => {
      if (document.visibilityState === 'visible') emit({ type: 'resync' })
    }, pollMs)
  }
  const stopPolling = () => {
    clearInterval(pollTimer)
    pollTimer = undefined
  }

  const connect = () => {
    clearTimeout(retryTimer)
    if (closed || refused || socket) return
    let ws: WebSocket
    try {
      ws = new WebSocket(url)
    } catch {
      onFailure()
      return
    }
    socket = ws
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'subscribe', stream: 'user' }))
      failures = 0
      stopPolling()
      setState('live')
      // Whatever happened before the subscription (or while disconnected) is fetched over REST.
      emit({ type: 'resync' })
    }
    ws.onmessage = (message) => {
      if (typeof message.data === 'string') handle(ws, message.data)
    }
    ws.onclose = (event) => {
      if (socket !== ws) return
      socket = null
      // 1008: the session ended (signed out elsewhere, suspended); the next API call finds out.
      if (closed || event.code === 1008) {
        setState('closed')
        stopPolling()
        return
      }
      onFailure()
    }
  }

  const onFailure = () => {
    failures += 1
    if (failures >= POLL_AFTER_FAILURES) startPolling()
    else setState('connecting')
    if (refused) return
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1)) * (0.75 + Math.random() / 2)
    retryTimer = setTimeout(connect, delay)
  }

  const handle = (ws: WebSocket, data: string) => {
    let frame: { event?: string; payload?: string; error?: string; status?: number }
    try {
      frame = JSON.parse(data)
    } catch {
      return
    }
    if (frame.error) {
      // Signed in, but the socket has no credentials: the page is not on PUBLIC_URL's origin.
      if (frame.status === 401 || frame.status === 403) {
        refused = true
        ws.close()
        startPolling()
      }
      return
    }
    const payload = frame.payload ?? ''
    try {
      if (frame.event === 'update' || frame.event === 'status.update') {
        emit({ type: frame.event, status: JSON.parse(payload) as Status })
      } else if (frame.event === 'notification') {
        emit({ type: 'notification', notification: JSON.parse(payload) as Notification })
      } else if (frame.event === 'delete') {
        // The id itself, not JSON: parsing it as a number would lose digits.
        emit({ type: 'delete', id: payload })
      }
    } catch {
      // A frame we cannot read is skipped; the next resync covers it.
    }
  }

  // Back at once when the tab returns or the network does, rather than after the back-off.
  const wake = () => {
    if (document.visibilityState !== 'visible' || closed || refused) return
    if (!socket) {
      failures = Math.min(failures, POLL_AFTER_FAILURES)
      connect()
    }
  }
  document.addEventListener('visibilitychange', wake)
  window.addEventListener('online', wake)

  document.documentElement.dataset.stream = state
  connect()

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onStateChange(listener) {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
    state: () => state,
    close() {
      closed = true
      clearTimeout(retryTimer)
      stopPolling()
      document.removeEventListener('visibilitychange', wake)
      window.removeEventListener('online', wake)
      const ws = socket
      socket = null
      ws?.close(1000)
      setState('closed')
      delete document.documentElement.dataset.stream
    },
  }
}
