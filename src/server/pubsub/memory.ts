// In-process bus: one Kith process serves the site, so its own listeners are all the listeners.
import type { Logger } from 'pino'
import type { AnyMessage, Channel } from './channels.ts'
import { createListenerRegistry, type PubSub } from './pubsub.ts'

export function createMemoryPubSub(log: Logger): PubSub {
  const registry = createListenerRegistry()
  const onError = (err: unknown) => log.error({ err }, 'pubsub listener failed')
  return {
    kind: 'memory',
    async publish(channel, message) {
      if (!registry.byChannel.has(channel)) return
      // Asynchronous like Redis, so a publisher never runs listeners inside its own call stack.
      const copy = structuredClone(message) as AnyMessage
      setImmediate(() => registry.dispatch(channel, copy, onError))
    },
    async subscribe(channel: Channel, listener) {
      registry.add(channel, listener)
      return () => {
        registry.remove(channel, listener)
      }
    },
    async listened(candidates) {
      return candidates.filter((c) => registry.byChannel.has(c))
    },
    async close() {
      registry.byChannel.clear()
    },
  }
}
