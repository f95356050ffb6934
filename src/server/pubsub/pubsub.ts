// The bus port: in-process (`memory.ts`) by default, Redis pub/sub (`redis.ts`) when several
// instances serve one site. createContext picks one; nothing else knows which.
import type { AnyMessage, Channel, MessageFor } from './channels.ts'

export type Listener = (message: AnyMessage, channel: Channel) => void

export type PubSub = {
  readonly kind: 'memory' | 'redis'
  /** Delivers to every subscriber of the channel on every instance. Never throws for lack of listeners. */
  publish<C extends Channel>(channel: C, message: MessageFor<C>): Promise<void>
  /** Subscribes this process; resolves once the subscription is live. Returns the unsubscribe function. */
  subscribe(channel: Channel, listener: Listener): Promise<() => void>
  /**
   * Of these channels, the ones some instance listens to (Mastodon's `subscribed:` keys): fanout
   * skips the others. May answer a channel whose last listener just left; never misses a live one.
   */
  listened<C extends Channel>(candidates: readonly C[]): Promise<C[]>
  close(): Promise<void>
}

/** Local listeners of one process, shared by both adapters. */
export function createListenerRegistry() {
  const byChannel = new Map<Channel, Set<Listener>>()
  return {
    byChannel,
    add(channel: Channel, listener: Listener): boolean {
      const set = byChannel.get(channel)
      if (set) {
        set.add(listener)
        return false
      }
      byChannel.set(channel, new Set([listener]))
      return true
    },
    /** True when the channel has no local listener left. */
    remove(channel: Channel, listener: Listener): boolean {
      const set = byChannel.get(channel)
      if (!set) return false
      set.delete(listener)
      if (set.size > 0) return false
      byChannel.delete(channel)
      return true
    },
    dispatch(channel: Channel, message: AnyMessage, onError: (err: unknown) => void): void {
      for (const listener of byChannel.get(channel) ?? []) {
        try {
          listener(message, channel)
        } catch (err) {
          onError(err)
        }
      }
    },
  }
}
