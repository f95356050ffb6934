import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import pino from 'pino'
import { type AnyMessage, channels } from './channels.ts'
import { createMemoryPubSub } from './memory.ts'
import type { PubSub } from './pubsub.ts'
import { createRedisPubSub } from './redis.ts'

const log = pino({ level: 'silent' })

function collector() {
  const got: AnyMessage[] = []
  let wake: (() => void) | null = null
  return {
    got,
    listener: (m: AnyMessage) => {
      got.push(m)
      wake?.()
    },
    async until(n: number) {
      const end = Date.now() + 3000
      while (got.length < n) {
        if (Date.now() > end) throw new Error(`got ${got.length} of ${n}`)
        await new Promise<void>((r) => {
          wake = r
          setTimeout(r, 50)
        })
      }
    },
  }
}

async function behavesLikeABus(make: () => Promise<PubSub>, makeOther?: () => Promise<PubSub>) {
  const bus = await make()
  const other = makeOther ? await makeOther() : bus
  try {
    const home = channels.home('1')
    assert.deepEqual(await other.listened([home, channels.public]), [])
    const a = collector()
    const off = await bus.subscribe(home, a.listener)
    assert.deepEqual(await other.listened([home, channels.public]), [home])
    await other.publish(home, { event: 'update', id: '42' })
    await other.publish(channels.public, { event: 'update', id: '43' }) // nobody listens: dropped
    await a.until(1)
    assert.deepEqual(a.got, [{ event: 'update', id: '42' }])
    off()
    await other.publish(home, { event: 'delete', id: '42' })
    await bus.publish(channels.notifications('1'), { event: 'notification', id: '7' })
    await new Promise((r) => setTimeout(r, 100))
    assert.equal(a.got.length, 1)
  } finally {
    await bus.close()
    if (other !== bus) await other.close()
  }
}

describe('pub/sub', () => {
  it('memory: delivers to this process’s listeners, asynchronously', async () => {
    await behavesLikeABus(async () => createMemoryPubSub(log))
  })

  const url = process.env.REDIS_URL
  it('redis: crosses processes through Redis, with a prefix per site', {
    skip: !url && 'REDIS_URL is not set',
  }, async () => {
    const prefix = `kith-test-${process.pid}-${Date.now()}:`
    await behavesLikeABus(
      () => createRedisPubSub(url!, prefix, log),
      () => createRedisPubSub(url!, prefix, log),
    )
    // Another prefix is another site: it hears nothing.
    const a = await createRedisPubSub(url!, `${prefix}a:`, log)
    const b = await createRedisPubSub(url!, `${prefix}b:`, log)
    try {
      const c = collector()
      await a.subscribe(channels.public, c.listener)
      assert.deepEqual(await b.listened([channels.public]), [])
      await b.publish(channels.public, { event: 'update', id: '1' })
      await new Promise((r) => setTimeout(r, 100))
      assert.equal(c.got.length, 0)
    } finally {
      await a.close()
      await b.close()
    }
  })
})
