// masto.js 8's streaming client, unchanged, against Kith over a real socket: a Mastodon app gets
// `update` and `notification` events (the token travels as Sec-WebSocket-Protocol, as masto sends it).
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import { createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto'
import { followAccount } from '#server/domain/graph/follow.ts'
import { channels } from '#server/pubsub/channels.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { untilListened } from './stream-helpers.ts'

// Generous: the first event waits for the subscription, a REST round trip and a post on a possibly busy CI box.
async function nextEvent(it: AsyncIterator<mastodon.streaming.Event>, ms = 20_000) {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no event from masto.js')), ms)
  })
  try {
    const r = await Promise.race([it.next(), timeout])
    return r.value as mastodon.streaming.Event
  } finally {
    clearTimeout(timer)
  }
}

describe('masto.js streaming client against Kith', () => {
  it('receives update and notification events on the user stream', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    await followAccount(ctx, bob.account, ana.account.id)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

    const instance = await createRestAPIClient({ url }).v2.instance.fetch()
    assert.match(instance.configuration.urls.streaming, /^ws:/)
    const streaming = createStreamingAPIClient({
      streamingApiUrl: url.replace(/^http/, 'ws'),
      accessToken: bob.token,
      implementation: WebSocket, // Node 26's own
      retry: false,
    })
    const events = streaming.user.subscribe()[Symbol.asyncIterator]()
    const first = nextEvent(events) // starts the subscription
    await untilListened(ctx, channels.home(bob.account.id))

    const ana$ = createRestAPIClient({ url, accessToken: ana.token })
    const status = await ana$.v1.statuses.create({ status: 'Hello from a Mastodon app' })
    const update = await first
    assert.equal(update.event, 'update')
    assert.ok(update.event === 'update' && update.payload.id === status.id)
    assert.equal(update.event === 'update' && update.payload.account.username, 'ana')

    await ana$.v1.statuses.create({ status: 'Thanks @bob!' })
    await ctx.jobs.drain()
    let event = await nextEvent(events)
    while (event.event === 'update') event = await nextEvent(events) // ana's post itself, if bob follows her
    assert.equal(event.event, 'notification')
    assert.ok(event.event === 'notification' && event.payload.type === 'mention')
    assert.equal(event.event === 'notification' && event.payload.account.username, 'ana')
    assert.equal(event.event === 'notification' && event.payload.status?.content.includes('Thanks'), true)
    streaming.close()
  })
})
