// GET /api/v1/streaming: Mastodon's protocol over WebSocket, who receives what (checked at delivery
// time), authentication, and the health check. Abuse cases are in streaming-limits.test.ts.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { blockAccount } from '#server/domain/graph/block.ts'
import { followAccount } from '#server/domain/graph/follow.ts'
import { acceptFriendRequest, sendFriendRequest } from '#server/domain/graph/friends.ts'
import { muteAccount } from '#server/domain/graph/mute.ts'
import { channels } from '#server/pubsub/channels.ts'
import { Notification } from '#shared/mastodon-notifications.ts'
import { Status } from '#shared/mastodon-statuses.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { post } from '../notifications/notification-helpers.ts'
import { busEnv, openStream, payloadOf, untilListened } from './stream-helpers.ts'

// With REDIS_URL (CI's PostgreSQL pass) the same tests run over Redis pub/sub.
const build = (t: Parameters<typeof buildTestApp>[0]) => buildTestApp(t, { env: busEnv() })

describe('GET /api/v1/streaming/health', () => {
  it('answers OK', async (t) => {
    const { app } = await build(t)
    const res = await app.inject({ url: '/api/v1/streaming/health' })
    assert.equal(res.statusCode, 200)
    assert.equal(res.body, 'OK')
  })
})

describe('GET /api/v1/streaming', () => {
  it('sends followed posts and notifications on the user stream, each payload a JSON string', async (t) => {
    const { app, ctx, given } = await build(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    await followAccount(ctx, bob.account, ana.account.id)
    const stream = await openStream(app, '/api/v1/streaming?stream=user', bob.auth)
    await untilListened(ctx, channels.home(bob.account.id))

    const p = await post(app, ana, { status: 'Fresh eggs at the corner shop' })
    const update = await stream.next((e) => e.event === 'update')
    assert.deepEqual(update.stream, ['user'])
    assert.equal(typeof update.payload, 'string')
    const status = payloadOf(update)
    assert.equal(status.id, p.id)
    assert.ok(Value.Check(Status, status))

    await post(app, ana, { status: 'Thanks @bob' })
    await ctx.jobs.drain()
    const n = await stream.next((e) => e.event === 'notification')
    const notification = payloadOf(n)
    assert.ok(Value.Check(Notification, notification))
    assert.equal(notification.type, 'mention')
    assert.equal(notification.account.username, 'ana')
    stream.ws.terminate()
  })

  it('subscribes and unsubscribes by message; public, hashtag and user:notification streams', async (t) => {
    const { app, ctx, given } = await build(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const stream = await openStream(app, '/api/v1/streaming', bob.auth)
    stream.send({ type: 'subscribe', stream: 'public' })
    stream.send({ type: 'subscribe', stream: 'hashtag', tag: 'Garden' })
    stream.send({ type: 'subscribe', stream: 'user:notification' })
    await untilListened(ctx, channels.public)
    await untilListened(ctx, channels.hashtag('garden'))
    await untilListened(ctx, channels.notifications(bob.account.id))

    const p = await post(app, ana, { status: 'Tomatoes! #garden' })
    const first = await stream.next()
    const second = await stream.next()
    assert.deepEqual([first, second].map((e) => [e.event, e.stream]).sort(), [
      ['update', ['hashtag', 'Garden']],
      ['update', ['public']],
    ])
    assert.equal(payloadOf(first).id, p.id)

    stream.send({ type: 'unsubscribe', stream: 'public' })
    const hashtagOnly = await post(app, ana, { status: 'More #Garden news' })
    await post(app, ana, { status: 'Hi @bob' })
    await ctx.jobs.drain()
    assert.equal(payloadOf(await stream.next()).id, hashtagOnly.id)
    const n = await stream.next()
    assert.deepEqual([n.event, n.stream], ['notification', ['user:notification']])
    stream.ws.terminate()
  })

  it('gives a socket without credentials public streams only, and refuses lists politely', async (t) => {
    const { app, ctx, given } = await build(t)
    const ana = await given.account('ana')
    const stream = await openStream(app, '/api/v1/streaming')
    stream.send({ type: 'subscribe', stream: 'user' })
    assert.deepEqual(await stream.next(), { error: 'Missing access token', status: 401 })
    stream.send({ type: 'subscribe', stream: 'list', list: '1' })
    assert.deepEqual(await stream.next(), { error: 'Kith has no lists yet', status: 404 })
    stream.send({ type: 'subscribe', stream: 'public:local' })
    await untilListened(ctx, channels.public)
    const p = await post(app, ana, { status: 'Open to all' })
    const e = await stream.next()
    assert.deepEqual(e.stream, ['public:local'])
    assert.equal(payloadOf(e).id, p.id)
    // Anonymous renderings carry no viewer state, as on Mastodon.
    assert.equal(payloadOf(e).favourited, undefined)

    await assert.rejects(app.injectWS('/api/v1/streaming?stream=user'), /401/)
    await assert.rejects(app.injectWS('/api/v1/streaming?stream=nope'), /400/)
    stream.ws.terminate()
  })

  it('accepts the token as access_token, Authorization or Sec-WebSocket-Protocol; refuses a bad one', async (t) => {
    const { app, ctx, given } = await build(t)
    const ana = await given.account('ana')
    const viaQuery = await openStream(app, `/api/v1/streaming?stream=user:notification&access_token=${ana.token}`)
    const viaProtocol = await openStream(app, '/api/v1/streaming?stream=user:notification', {
      'sec-websocket-protocol': ana.token,
    })
    await untilListened(ctx, channels.notifications(ana.account.id))
    const bob = await given.account('bob')
    await followAccount(ctx, bob.account, ana.account.id)
    await ctx.jobs.drain()
    assert.equal(payloadOf(await viaQuery.next()).type, 'follow')
    assert.equal(payloadOf(await viaProtocol.next()).type, 'follow')
    await assert.rejects(app.injectWS('/api/v1/streaming?access_token=nope'), /401/)
    await assert.rejects(app.injectWS('/api/v1/streaming', { headers: { authorization: 'Bearer nope' } }), /401/)
    viaQuery.ws.terminate()
    viaProtocol.ws.terminate()
  })

  it('takes the session cookie only from this site’s own pages', async (t) => {
    const { app, ctx, given } = await build(t)
    const ana = await given.account('ana')
    const cookie = { cookie: ana.web.cookie }
    await app.ready()
    await assert.rejects(
      app.injectWS('/api/v1/streaming?stream=user', { headers: { ...cookie, origin: 'https://evil.example' } }),
      /401/,
    )
    await assert.rejects(app.injectWS('/api/v1/streaming?stream=user', { headers: cookie }), /401/)
    const own = await openStream(app, '/api/v1/streaming?stream=user&kith=true', {
      ...cookie,
      origin: 'http://kith.test',
    })
    await untilListened(ctx, channels.notifications(ana.account.id))
    const bob = await given.account('bob')
    await sendFriendRequest(ctx, bob.account, ana.account.id)
    await ctx.jobs.drain()
    // kith=true: Kith's own kinds arrive too (a Mastodon client would not get this one).
    assert.equal(payloadOf(await own.next()).type, 'kith:friend_request')
    own.ws.terminate()
  })
})

describe('streaming privacy', () => {
  it('checks every status against each receiver at delivery: audience, blocks, mutes', async (t) => {
    const { app, ctx, given } = await build(t)
    const ana = await given.account('ana')
    const friend = await given.account('friend')
    const follower = await given.account('follower')
    const blocked = await given.account('blocked')
    const muter = await given.account('muter')
    await sendFriendRequest(ctx, friend.account, ana.account.id)
    await acceptFriendRequest(ctx, ana.account, friend.account.id)
    await followAccount(ctx, follower.account, ana.account.id)
    await followAccount(ctx, muter.account, ana.account.id)
    await blockAccount(ctx, ana.account, blocked.account.id)
    await muteAccount(ctx, muter.account, ana.account.id)

    const open = async (who: typeof ana, stream: string) => {
      const s = await openStream(app, `/api/v1/streaming?stream=${stream}`, who.auth)
      return s
    }
    const streams = {
      friendHome: await open(friend, 'user'),
      followerHome: await open(follower, 'user'),
      muterHome: await open(muter, 'user'),
      blockedPublic: await open(blocked, 'public'),
      muterPublic: await open(muter, 'public'),
      anonymous: await openStream(app, '/api/v1/streaming?stream=public'),
    }
    for (const who of [friend, follower, muter]) await untilListened(ctx, channels.home(who.account.id))
    await untilListened(ctx, channels.public)

    const friendsOnly = await post(app, ana, { status: 'Friends only', visibility: 'friends' })
    const followersOnly = await post(app, ana, { status: 'Followers only', visibility: 'private' })
    const open1 = await post(app, ana, { status: 'Everyone' })
    // A sentinel everyone may see, from someone nobody muted or blocked, closes each check.
    const other = await given.account('other')
    await followAccount(ctx, friend.account, other.account.id)
    await followAccount(ctx, follower.account, other.account.id)
    await followAccount(ctx, muter.account, other.account.id)
    const sentinel = await post(app, other, { status: 'Sentinel' })

    const idsUntilSentinel = async (s: (typeof streams)[keyof typeof streams]) => {
      const ids: string[] = []
      for (;;) {
        const e = await s.next((x) => x.event === 'update')
        const id = payloadOf(e).id
        if (id === sentinel.id) return ids
        ids.push(id)
      }
    }
    assert.deepEqual(await idsUntilSentinel(streams.friendHome), [friendsOnly.id, followersOnly.id, open1.id])
    assert.deepEqual(await idsUntilSentinel(streams.followerHome), [followersOnly.id, open1.id])
    assert.deepEqual(await idsUntilSentinel(streams.muterHome), [])
    assert.deepEqual(await idsUntilSentinel(streams.blockedPublic), [])
    assert.deepEqual(await idsUntilSentinel(streams.muterPublic), [])
    assert.deepEqual(await idsUntilSentinel(streams.anonymous), [open1.id])
    for (const s of Object.values(streams)) s.ws.terminate()
  })

  it('sends delete when a post goes, and conversation for direct posts to their participants', async (t) => {
    const { app, ctx, given } = await build(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const cat = await given.account('cat')
    const pub = await openStream(app, '/api/v1/streaming?stream=public')
    const bobDirect = await openStream(app, '/api/v1/streaming?stream=direct', bob.auth)
    const catDirect = await openStream(app, '/api/v1/streaming?stream=direct', cat.auth)
    await untilListened(ctx, channels.public)
    await untilListened(ctx, channels.direct(bob.account.id))
    await untilListened(ctx, channels.direct(cat.account.id))

    const p = await post(app, ana, { status: 'Oops' })
    await pub.next((e) => e.event === 'update')
    await app.inject({ method: 'DELETE', url: `/api/v1/statuses/${p.id}`, headers: ana.auth })
    const del = await pub.next()
    assert.deepEqual([del.event, del.payload], ['delete', p.id])

    const dm = await post(app, ana, { status: '@bob the key is under the mat', visibility: 'direct' })
    const conversation = payloadOf(await bobDirect.next((e) => e.event === 'conversation'))
    assert.equal(conversation.last_status.id, dm.id)
    assert.deepEqual(
      conversation.accounts.map((a: { username: string }) => a.username),
      ['ana'],
    )
    // Cat was not in it; the next thing cat hears is a conversation of its own.
    const dm2 = await post(app, ana, { status: '@cat hello', visibility: 'direct' })
    assert.equal(payloadOf(await catDirect.next()).last_status.id, dm2.id)
    for (const s of [pub, bobDirect, catDirect]) s.ws.terminate()
  })
})
