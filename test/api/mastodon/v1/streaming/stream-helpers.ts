// A test client for /api/v1/streaming over @fastify/websocket's injectWS (no port needed):
// collects events in order and waits for the next one that matches, with a timeout.
import type { Api } from '#server/api/types.ts'
import type { AppContext } from '#server/context.ts'
import type { Channel } from '#server/pubsub/channels.ts'

export type StreamEvent = { stream?: string[]; event?: string; payload?: string; error?: string; status?: number }

type WS = {
  on(event: 'message', fn: (data: Buffer) => void): void
  on(event: 'close', fn: (code: number, reason: Buffer) => void): void
  send(data: string | Buffer): void
  terminate(): void
  readyState: number
  _socket: { pause(): void; resume(): void }
}

export type TestStream = {
  ws: WS
  /** The next event (in arrival order) that matches; rejects after `ms`. */
  next(match?: (e: StreamEvent) => boolean, ms?: number): Promise<StreamEvent>
  send(message: unknown): void
  closed: Promise<{ code: number; reason: string }>
  received: StreamEvent[]
}

export async function openStream(app: Api, url: string, headers: Record<string, string> = {}): Promise<TestStream> {
  await app.ready() // injectWS, unlike inject, does not wait for the routes to be ready
  const ws = (await app.injectWS(url, { headers })) as unknown as WS
  return wrap(ws)
}

export function wrap(ws: WS): TestStream {
  const received: StreamEvent[] = []
  let cursor = 0
  const waiters = new Set<() => void>()
  ws.on('message', (data) => {
    received.push(JSON.parse(data.toString()))
    for (const w of waiters) w()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() })
      for (const w of waiters) w()
    }),
  )
  return {
    ws,
    received,
    closed,
    send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    next(match = () => true, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          while (cursor < received.length) {
            const e = received[cursor++]!
            if (match(e)) {
              cleanup()
              return resolve(e)
            }
          }
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`no matching stream event within ${ms} ms; got ${JSON.stringify(received)}`))
        }, ms)
        const cleanup = () => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      })
    },
  }
}

export const payloadOf = (e: StreamEvent) => JSON.parse(e.payload!)

/** Waits until this instance listens to the channel (a subscription sent as a message is live). */
export async function untilListened(ctx: AppContext, channel: Channel, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while ((await ctx.pubsub.listened([channel])).length === 0) {
    if (Date.now() > end) throw new Error(`nobody listens to ${channel}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** With REDIS_URL (CI's PostgreSQL pass) streaming tests run over Redis pub/sub, under a prefix of their own. */
export function busEnv(): Record<string, string> {
  const url = process.env.REDIS_URL
  return url ? { REDIS_URL: url, REDIS_PREFIX: `kith-test-${process.pid}-${Date.now()}-${Math.random()}:` } : {}
}
