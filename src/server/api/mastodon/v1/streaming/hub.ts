// The open sockets of this instance and the bus channels they listen to. One bus subscription per
// channel, however many sockets share it; dropped when the last one leaves. Each socket gets its
// events in order through a bounded queue: a consumer too slow to keep up (too much unsent, or too
// many events waiting) is dropped with 1013 and reconnects and catches up, rather than grow memory.
import type { AppContext } from '../../../../context.ts'
import type { Viewer } from '../../../../domain/auth/viewer.ts'
import { type Channel, channels, type RevokeEvent } from '../../../../pubsub/channels.ts'
import type { Listener } from '../../../../pubsub/pubsub.ts'
import { prepareDelivery, type Rendered, warmSerializers } from './render.ts'
import type { StreamSpec } from './streams.ts'

/** The part of a `ws` WebSocket the hub uses (ws ships no types here). */
export type Socket = {
  readonly readyState: number
  readonly OPEN: number
  readonly bufferedAmount: number
  send(data: string): void
  close(code?: number, reason?: string): void
  terminate(): void
  ping(): void
  on(event: 'pong' | 'close', listener: () => void): void
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void
}

export type Credential =
  | { kind: 'token'; tokenId: string; appId: string | null; hash: string }
  | { kind: 'session'; sessionId: string; hash: string }

export const CLOSE = {
  /** RFC 6455 1008: the credentials stopped working (revoked token, ended session, suspension). */
  revoked: 1008,
  /** 1013 Try Again Later: too slow; reconnect and fetch what was missed. */
  slow: 1013,
  shuttingDown: 1001,
} as const

const MAX_PENDING = 500
const MAX_SUBSCRIPTIONS = 50
const HEARTBEAT_MS = 30_000
const REVALIDATE_MS = 60_000
const CLOSE_GRACE_MS = 5_000

export type Connection = {
  socket: Socket
  viewer: Viewer | null
  credential: Credential | null
  kith: boolean
  subscriptions: Map<string, StreamSpec>
  refs: Map<Channel, number>
  pending: number
  tail: Promise<void>
  alive: boolean
  closed: boolean
}

export type StreamingHub = ReturnType<typeof createStreamingHub>

export function createStreamingHub(
  ctx: AppContext,
  options: {
    maxBuffer: number
    /** Whether the socket's credential still works (checked every minute, a backstop to revocation events). */
    stillValid: (c: Connection) => Promise<boolean>
  },
) {
  const conns = new Set<Connection>()
  const joined = new Map<Channel, { conns: Set<Connection>; unsubscribe: Promise<() => void> }>()

  const onMessage: Listener = (message, channel) => {
    const entry = joined.get(channel)
    if (!entry) return
    const members = [...entry.conns]
    if ('scope' in message) {
      for (const c of members) if (revokes(c, message)) end(c, CLOSE.revoked, 'Access revoked')
      return
    }
    const prepare = prepareDelivery(ctx, channel, message, members)
    for (const c of members) deliver(c, channel, message.event, prepare(c))
  }

  function join(c: Connection, channel: Channel) {
    const n = c.refs.get(channel) ?? 0
    c.refs.set(channel, n + 1)
    if (n > 0) return
    let entry = joined.get(channel)
    if (!entry) {
      entry = { conns: new Set(), unsubscribe: ctx.pubsub.subscribe(channel, onMessage) }
      entry.unsubscribe.catch((err) => ctx.log.error({ err, channel }, 'stream subscription failed'))
      joined.set(channel, entry)
    }
    entry.conns.add(c)
  }

  function leave(c: Connection, channel: Channel) {
    const n = (c.refs.get(channel) ?? 0) - 1
    if (n > 0) {
      c.refs.set(channel, n)
      return
    }
    c.refs.delete(channel)
    const entry = joined.get(channel)
    if (!entry) return
    entry.conns.delete(c)
    if (entry.conns.size === 0) {
      joined.delete(channel)
      void entry.unsubscribe.then((off) => off()).catch(() => {})
    }
  }

  function deliver(c: Connection, channel: Channel, event: string, rendered: Promise<Rendered>) {
    if (c.closed) return
    if (c.pending >= MAX_PENDING) return end(c, CLOSE.slow, 'Too many events waiting; reconnect and catch up')
    c.pending++
    c.tail = c.tail
      .then(() => rendered)
      .then((r) => {
        c.pending--
        if (!r || c.closed) return
        for (const spec of c.subscriptions.values()) {
          if (!spec.channels.includes(channel) || (spec.onlyMedia && !r.hasMedia)) continue
          send(
            c,
            JSON.stringify({ stream: spec.stream, event, ...(r.payload === undefined ? {} : { payload: r.payload }) }),
          )
        }
      })
      .catch((err) => {
        c.pending = Math.max(0, c.pending - 1)
        ctx.log.warn({ err, channel, event }, 'could not deliver a stream event')
      })
  }

  function send(c: Connection, data: string) {
    if (c.closed || c.socket.readyState !== c.socket.OPEN) return
    if (c.socket.bufferedAmount + Buffer.byteLength(data) > options.maxBuffer) {
      return end(c, CLOSE.slow, 'Too slow; reconnect and catch up')
    }
    c.socket.send(data)
  }

  /** Closes with a code the client can act on; a peer that never reads the close frame is cut off. */
  function end(c: Connection, code: number, reason: string) {
    if (c.closed) return
    detach(c)
    try {
      c.socket.close(code, reason)
    } catch {
      c.socket.terminate()
    }
    setTimeout(() => c.socket.terminate(), CLOSE_GRACE_MS).unref()
  }

  function detach(c: Connection) {
    if (c.closed) return
    c.closed = true
    conns.delete(c)
    for (const channel of [...c.refs.keys()]) {
      c.refs.set(channel, 1)
      leave(c, channel)
    }
    c.subscriptions.clear()
  }

  const heartbeat = setInterval(() => {
    for (const c of conns) {
      if (!c.alive) {
        detach(c)
        c.socket.terminate()
        continue
      }
      c.alive = false
      c.socket.ping()
    }
  }, HEARTBEAT_MS)
  heartbeat.unref()

  const revalidate = setInterval(async () => {
    for (const c of [...conns]) {
      if (!c.credential || c.closed) continue
      const ok = await options.stillValid(c).catch(() => true)
      if (!ok) end(c, CLOSE.revoked, 'Access revoked')
    }
  }, REVALIDATE_MS)
  revalidate.unref()

  return {
    open(socket: Socket, session: { viewer: Viewer | null; credential: Credential | null; kith: boolean }) {
      const c: Connection = {
        socket,
        ...session,
        subscriptions: new Map(),
        refs: new Map(),
        pending: 0,
        tail: Promise.resolve(),
        alive: true,
        closed: false,
      }
      conns.add(c)
      warmSerializers()
      socket.on('pong', () => {
        c.alive = true
      })
      socket.on('close', () => detach(c))
      if (c.viewer && c.credential) join(c, channels.revoked(c.viewer.account.id))
      return c
    },
    /** False when the connection already holds the maximum number of subscriptions. */
    subscribe(c: Connection, spec: StreamSpec): boolean {
      if (c.closed || c.subscriptions.has(spec.key)) return true
      if (c.subscriptions.size >= MAX_SUBSCRIPTIONS) return false
      c.subscriptions.set(spec.key, spec)
      for (const channel of spec.channels) join(c, channel)
      return true
    },
    unsubscribe(c: Connection, key: string) {
      const spec = c.subscriptions.get(key)
      if (!spec) return
      c.subscriptions.delete(key)
      for (const channel of spec.channels) leave(c, channel)
    },
    end,
    stats() {
      return { connections: conns.size, channels: joined.size }
    },
    close() {
      clearInterval(heartbeat)
      clearInterval(revalidate)
      for (const c of [...conns]) end(c, CLOSE.shuttingDown, 'Server shutting down')
    },
  }
}

function revokes(c: Connection, e: RevokeEvent): boolean {
  const cred = c.credential
  if (!cred) return false
  if (e.scope === 'account') return true
  if (e.scope === 'tokens') {
    return cred.kind === 'token' && (!e.tokenId || e.tokenId === cred.tokenId) && (!e.appId || e.appId === cred.appId)
  }
  return (
    cred.kind === 'session' && (!e.sessionId || e.sessionId === cred.sessionId) && e.exceptSessionId !== cred.sessionId
  )
}
