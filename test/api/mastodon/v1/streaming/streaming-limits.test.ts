// Streaming under abuse and change: revoked credentials close their sockets at once, oversized or
// malformed frames close only the socket that sent them, and a consumer too slow to keep up is
// dropped (1013) instead of growing the server's memory.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { followAccount } from '#server/domain/graph/follow.ts'
import { revokeUserTokens } from '#server/domain/oauth/access-tokens.ts'
import { channels } from '#server/pubsub/channels.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { post } from '../notifications/notification-helpers.ts'
import { busEnv, openStream, payloadOf, untilListened } from './stream-helpers.ts'

describe('revoked credentials', () => {
  it('closes a socket whose token is revoked, and no other', async (t) => {
    const { app, ctx, given } = await buildTestApp(t, { env: busEnv() })
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const bobStream = await openStream(app, '/api/v1/streaming?stream=user', bob.auth)
    const anaStream = await openStream(app, '/api/v1/streaming?stream=user', ana.auth)
    await untilListened(ctx, channels.revoked(bob.account.id))
    await untilListened(ctx, channels.home(ana.account.id))

    await revokeUserTokens(ctx, ctx.db, bob.user.id)
    assert.deepEqual(await bobStream.closed, { code: 1008, reason: 'Access revoked' })
    // The token no longer opens a socket at all.
    await assert.rejects(app.injectWS('/api/v1/streaming', { headers: bob.auth }), /401/)
    const p = await post(app, ana, { status: 'still here' })
    assert.equal(payloadOf(await anaStream.next((e) => e.event === 'update')).id, p.id)
    anaStream.ws.terminate()
  })

  it('closes the sockets of a session that signs out', async (t) => {
    const { app, ctx, given } = await buildTestApp(t, { env: busEnv() })
    const ana = await given.account('ana')
    const web = await openStream(app, '/api/v1/streaming?stream=user', {
      cookie: ana.web.cookie,
      origin: 'http://kith.test',
    })
    const app2 = await openStream(app, '/api/v1/streaming?stream=user', ana.auth)
    await untilListened(ctx, channels.revoked(ana.account.id))
    const out = await app.inject({ method: 'POST', url: '/api/kith/v1/auth/sign_out', headers: ana.web })
    assert.equal(out.statusCode, 200)
    assert.equal((await web.closed).code, 1008)
    // The app's token is another credential: its socket stays open.
    const bob = await given.account('bob')
    await followAccount(ctx, bob.account, ana.account.id)
    await ctx.jobs.drain()
    assert.equal(payloadOf(await app2.next((e) => e.event === 'notification')).type, 'follow')
    app2.ws.terminate()
  })
})

describe('bad frames', () => {
  it('closes an oversized (1009), binary (1003) or non-JSON (1007) frame’s socket; others go on', async (t) => {
    const { app, ctx, given } = await buildTestApp(t, { env: busEnv() })
    const ana = await given.account('ana')
    const bystander = await openStream(app, '/api/v1/streaming?stream=public')
    const big = await openStream(app, '/api/v1/streaming')
    const binary = await openStream(app, '/api/v1/streaming')
    const garbage = await openStream(app, '/api/v1/streaming')
    const array = await openStream(app, '/api/v1/streaming')
    await untilListened(ctx, channels.public)

    big.send(JSON.stringify({ type: 'subscribe', stream: 'hashtag', tag: 'x'.repeat(64 * 1024) }))
    binary.ws.send(Buffer.from([1, 2, 3]))
    garbage.send('{"type": "subscribe", "stream": ')
    array.send('[1, 2, 3]')
    assert.equal((await big.closed).code, 1009)
    assert.equal((await binary.closed).code, 1003)
    assert.equal((await garbage.closed).code, 1007)
    assert.equal((await array.closed).code, 1007)

    const p = await post(app, ana, { status: 'Nothing else broke' })
    assert.equal(payloadOf(await bystander.next()).id, p.id)
    bystander.ws.terminate()
  })
})

describe('slow consumers', () => {
  it('drops a socket that stops reading with 1013, and keeps serving the others', async (t) => {
    const { app, ctx, given } = await buildTestApp(t, { env: { ...busEnv(), STREAMING_MAX_BUFFER: '8192' } })
    const ana = await given.account('ana')
    const fast = await openStream(app, '/api/v1/streaming?stream=public')
    const slow = await openStream(app, '/api/v1/streaming?stream=public')
    await untilListened(ctx, channels.public)
    slow.ws._socket.pause()

    const total = 60
    const text = 'A long post so each event is a few kilobytes. '.repeat(40)
    const ids: string[] = []
    for (let i = 0; i < total; i++) ids.push((await post(app, ana, { status: `${i} ${text}` })).id)
    for (const id of ids) assert.equal(payloadOf(await fast.next()).id, id)

    slow.ws._socket.resume()
    const closed = await slow.closed
    assert.equal(closed.code, 1013)
    assert.match(closed.reason, /reconnect/)
    // What the server had buffered for it stayed bounded: far from every event.
    assert.ok(slow.received.length < total, `slow consumer got ${slow.received.length} of ${total}`)

    const after = await post(app, ana, { status: 'after the drop' })
    assert.equal(payloadOf(await fast.next()).id, after.id)
    fast.ws.terminate()
  })
})
