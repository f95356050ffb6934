// Redis bus for several instances: one publishing and one subscribing connection per process.
// Each instance keeps `<prefix>subscribed:<channel>` alive (a short TTL, refreshed) for the channels it
// listens to, so a publisher can skip channels nobody listens to anywhere, as Mastodon does.
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import type { AnyMessage, Channel } from './channels.ts'
import { createListenerRegistry, type PubSub } from './pubsub.ts'

const SUBSCRIBED_TTL_S = 90
const REFRESH_MS = 30_000

export async function createRedisPubSub(url: string, prefix: string, log: Logger): Promise<PubSub> {
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true }
  const pub = new Redis(url, { ...options, connectionName: 'kith-pub' })
  const sub = new Redis(url, { ...options, connectionName: 'kith-sub' })
  for (const [name, conn] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    conn.on('error', (err) => log.warn({ err, connection: name }, 'redis pubsub connection error'))
  }
  await Promise.all([pub.connect(), sub.connect()])

  const registry = createListenerRegistry()
  const live = new Map<Channel, Promise<void>>()
  const wire = (channel: Channel) => `${prefix}${channel}`
  const marker = (channel: Channel) => `${prefix}subscribed:${channel}`

  sub.on('message', (raw: string, data: string) => {
    if (!raw.startsWith(prefix)) return
    const channel = raw.slice(prefix.length) as Channel
    let message: AnyMessage
    try {
      message = JSON.parse(data)
    } catch (err) {
      log.warn({ err, channel }, 'unreadable pubsub message')
      return
    }
    registry.dispatch(channel, message, (err) => log.error({ err, channel }, 'pubsub listener failed'))
  })

  const refresh = setInterval(() => {
    const names = [...registry.byChannel.keys()]
    if (names.length === 0) return
    const batch = pub.pipeline()
    for (const c of names) batch.set(marker(c), '1', 'EX', SUBSCRIBED_TTL_S)
    batch.exec().catch((err) => log.warn({ err }, 'could not refresh subscribed channels'))
  }, REFRESH_MS)
  refresh.unref()

  return {
    kind: 'redis',
    async publish(channel, message) {
      await pub.publish(wire(channel), JSON.stringify(message))
    },
    async subscribe(channel, listener) {
      if (registry.add(channel, listener)) {
        const ready = Promise.all([
          sub.subscribe(wire(channel)),
          pub.set(marker(channel), '1', 'EX', SUBSCRIBED_TTL_S),
        ]).then(() => undefined)
        live.set(channel, ready)
      }
      await live.get(channel)
      return () => {
        if (!registry.remove(channel, listener)) return
        const ready = live.get(channel)
        live.delete(channel)
        // NOTE: the marker is left to expire: another instance may still listen to this channel.
        void ready
          ?.then(() => (registry.byChannel.has(channel) ? undefined : sub.unsubscribe(wire(channel))))
          .catch((err) => log.warn({ err, channel }, 'redis unsubscribe failed'))
      }
    },
    async listened(candidates) {
      const out = candidates.filter((c) => registry.byChannel.has(c))
      const rest = candidates.filter((c) => !registry.byChannel.has(c))
      for (let i = 0; i < rest.length; i += 500) {
        const chunk = rest.slice(i, i + 500)
        const values = await pub.mget(chunk.map(marker))
        chunk.forEach((c, j) => {
          if (values[j] !== null) out.push(c)
        })
      }
      return out
    },
    async close() {
      clearInterval(refresh)
      registry.byChannel.clear()
      await Promise.allSettled([sub.quit(), pub.quit()])
    },
  }
}
