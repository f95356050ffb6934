// GET /api/v1/notifications and friends: the kinds and how Mastodon clients see them, filters,
// paging, one notification, dismiss, clear, and the privacy rules at creation and when read.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { blockAccount, unblockAccount } from '#server/domain/graph/block.ts'
import { followAccount } from '#server/domain/graph/follow.ts'
import { acceptFriendRequest, sendFriendRequest } from '#server/domain/graph/friends.ts'
import { muteAccount } from '#server/domain/graph/mute.ts'
import { Notification } from '#shared/mastodon-notifications.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { notificationsOf, post, summary } from './notification-helpers.ts'

describe('GET /api/v1/notifications', () => {
  it('shows comments and replies as mentions to Mastodon clients, and as themselves with kith=true', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const cat = await given.account('cat')
    const root = await post(app, ana, { status: 'Garden party on Sunday' })
    const comment = await post(app, bob, { status: 'Count me in', in_reply_to_id: root.id })
    await post(app, cat, { status: 'Me too, @bob', in_reply_to_id: comment.id })
    await post(app, cat, { status: 'Hello @ana' })
    await ctx.jobs.drain()

    const mastodon = await notificationsOf(app, ana)
    assert.deepEqual(summary(mastodon), [
      ['mention', 'mention', 'cat'],
      ['mention', 'kith:comment', 'cat'], // a comment deeper in ana's thread
      ['mention', 'kith:comment', 'bob'],
    ])
    for (const n of mastodon) assert.ok(Value.Check(Notification, n), JSON.stringify(Value.Errors(Notification, n)))
    assert.equal(mastodon[2]!.status?.id, comment.id)
    assert.match(mastodon[2]!.group_key, /^ungrouped-\d+$/)

    const kith = await notificationsOf(app, ana, '?kith=true')
    assert.deepEqual(
      kith.map((n) => n.type),
      ['mention', 'kith:comment', 'kith:comment'],
    )
    assert.deepEqual(summary(await notificationsOf(app, bob)), [['mention', 'kith:reply', 'cat']])
    // Nobody is told about their own posts.
    assert.deepEqual(await notificationsOf(app, cat), [])
  })

  it('leaves friend requests out for Mastodon clients unless asked for by name', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const cat = await given.account('cat')
    await sendFriendRequest(ctx, bob.account, ana.account.id)
    await followAccount(ctx, cat.account, ana.account.id)
    await sendFriendRequest(ctx, ana.account, cat.account.id)
    await acceptFriendRequest(ctx, cat.account, ana.account.id)
    await ctx.jobs.drain()

    assert.deepEqual(summary(await notificationsOf(app, ana)), [['follow', 'follow', 'cat']])
    assert.deepEqual(summary(await notificationsOf(app, ana, '?kith=true')), [
      ['kith:friend_accepted', 'kith:friend_accepted', 'cat'],
      ['follow', 'follow', 'cat'],
      ['kith:friend_request', 'kith:friend_request', 'bob'],
    ])
    assert.deepEqual(summary(await notificationsOf(app, ana, '?types[]=kith:friend_request&types[]=follow')), [
      ['follow', 'follow', 'cat'],
      ['kith:friend_request', 'kith:friend_request', 'bob'],
    ])
  })

  it('filters with types[] and exclude_types[] by Mastodon type or Kith kind, and by account_id', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const cat = await given.account('cat')
    const root = await post(app, ana, { status: 'Soup recipe' })
    await post(app, bob, { status: 'Yum', in_reply_to_id: root.id })
    await post(app, cat, { status: 'Ask @ana' })
    await followAccount(ctx, bob.account, ana.account.id)
    await ctx.jobs.drain()

    const kinds = async (q: string) => (await notificationsOf(app, ana, q)).map((n) => n.kith.type)
    assert.deepEqual(await kinds('?types[]=mention'), ['mention', 'kith:comment'])
    assert.deepEqual(await kinds('?types[]=kith:comment'), ['kith:comment'])
    assert.deepEqual(await kinds('?exclude_types[]=mention'), ['follow'])
    assert.deepEqual(await kinds('?exclude_types[]=kith:comment'), ['follow', 'mention'])
    assert.deepEqual(await kinds(`?account_id=${bob.account.id}`), ['follow', 'kith:comment'])
    // A kind asked for by name is shown under that name.
    assert.deepEqual(
      (await notificationsOf(app, ana, '?types[]=kith:comment')).map((n) => n.type),
      ['kith:comment'],
    )
  })

  it('pages with max_id, min_id and since_id, and sets the Link header', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const others = await Promise.all(['b1', 'b2', 'b3', 'b4', 'b5'].map((n) => given.account(n)))
    for (const o of others) await post(app, o, { status: `hi @ana from ${o.account.username}` })
    await ctx.jobs.drain()
    const all = await notificationsOf(app, ana)
    assert.equal(all.length, 5)

    const first = await app.inject({ url: '/api/v1/notifications?limit=2', headers: ana.auth })
    assert.deepEqual(
      first.json().map((n: Notification) => n.id),
      all.slice(0, 2).map((n) => n.id),
    )
    const link = String(first.headers.link)
    assert.match(link, new RegExp(`max_id=${all[1]!.id.replace(/^0+/, '')}>; rel="next"`))
    assert.match(link, new RegExp(`min_id=${all[0]!.id.replace(/^0+/, '')}>; rel="prev"`))
    const next = await notificationsOf(app, ana, `?limit=2&max_id=${all[1]!.id}`)
    assert.deepEqual(
      next.map((n) => n.id),
      all.slice(2, 4).map((n) => n.id),
    )
    const newer = await notificationsOf(app, ana, `?limit=2&min_id=${all[4]!.id}`)
    assert.deepEqual(
      newer.map((n) => n.id),
      all.slice(2, 4).map((n) => n.id),
    )
    const since = await notificationsOf(app, ana, `?since_id=${all[2]!.id}`)
    assert.deepEqual(
      since.map((n) => n.id),
      all.slice(0, 2).map((n) => n.id),
    )
  })

  it('needs a signed-in user with the read:notifications scope', async (t) => {
    const { app, given } = await buildTestApp(t)
    const limited = await given.account('limited', { scopes: 'read:statuses' })
    assert.equal((await app.inject({ url: '/api/v1/notifications' })).statusCode, 401)
    assert.equal((await app.inject({ url: '/api/v1/notifications', headers: limited.auth })).statusCode, 403)
    const broad = await given.account('broad', { scopes: 'read' })
    assert.equal((await app.inject({ url: '/api/v1/notifications', headers: broad.auth })).statusCode, 200)
  })
})

describe('notification privacy', () => {
  it('creates nothing from someone blocked, either way, or muted with notifications hidden', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const blocker = await given.account('blocker')
    const blocked = await given.account('blocked')
    const muted = await given.account('muted')
    const mutedLoud = await given.account('loud')
    await blockAccount(ctx, ana.account, blocked.account.id)
    await blockAccount(ctx, blocker.account, ana.account.id)
    await muteAccount(ctx, ana.account, muted.account.id)
    await muteAccount(ctx, ana.account, mutedLoud.account.id, { notifications: false })
    for (const who of [blocker, blocked, muted, mutedLoud]) await post(app, who, { status: 'Hey @ana' })
    await followAccount(ctx, muted.account, ana.account.id)
    await ctx.jobs.drain()

    assert.deepEqual(summary(await notificationsOf(app, ana)), [['mention', 'mention', 'loud']])
    const rows = await ctx.db.selectFrom('notifications').select('from_account_id').execute()
    assert.deepEqual(
      rows.map((r) => r.from_account_id),
      [mutedLoud.account.id],
    )
  })

  it('hides what became unseeable: a block after the fact, a deleted post', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const cat = await given.account('cat')
    await post(app, bob, { status: 'Hey @ana' })
    const catPost = await post(app, cat, { status: 'Psst @ana' })
    await ctx.jobs.drain()
    assert.equal((await notificationsOf(app, ana)).length, 2)

    await blockAccount(ctx, ana.account, bob.account.id)
    assert.deepEqual(summary(await notificationsOf(app, ana)), [['mention', 'mention', 'cat']])
    await unblockAccount(ctx, ana.account, bob.account.id)
    assert.equal((await notificationsOf(app, ana)).length, 2)

    const del = await app.inject({ method: 'DELETE', url: `/api/v1/statuses/${catPost.id}`, headers: cat.auth })
    assert.equal(del.statusCode, 200)
    assert.deepEqual(summary(await notificationsOf(app, ana)), [['mention', 'mention', 'bob']])
  })

  it('never tells about a post the recipient may not see', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const cat = await given.account('cat')
    const root = await post(app, ana, { status: 'Bake sale' })
    const comment = await post(app, bob, { status: 'I will bring bread', in_reply_to_id: root.id })
    // Ana owns the thread, but this answer is for bob (and its author) only.
    await post(app, cat, { status: 'Can I help?', in_reply_to_id: comment.id, visibility: 'direct' })
    await post(app, cat, { status: 'Followers only, @ana is not one', visibility: 'private' })
    await ctx.jobs.drain()
    // The last one names ana, so she may read it (a mention grants access): it does reach her.
    assert.deepEqual(summary(await notificationsOf(app, ana, '?kith=true')), [
      ['mention', 'mention', 'cat'],
      ['kith:comment', 'kith:comment', 'bob'],
    ])
    assert.deepEqual(summary(await notificationsOf(app, bob, '?kith=true')), [['kith:reply', 'kith:reply', 'cat']])
  })
})

describe('GET /api/v1/notifications/:id', () => {
  it('shows one notification to its recipient only', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    await sendFriendRequest(ctx, bob.account, ana.account.id)
    await ctx.jobs.drain()
    const [n] = await notificationsOf(app, ana, '?kith=true')
    const mine = await app.inject({ url: `/api/v1/notifications/${n!.id}`, headers: ana.auth })
    assert.equal(mine.statusCode, 200)
    assert.equal(mine.json().type, 'kith:friend_request')
    const theirs = await app.inject({ url: `/api/v1/notifications/${n!.id}`, headers: bob.auth })
    assert.equal(theirs.statusCode, 404)
  })
})

describe('POST /api/v1/notifications/:id/dismiss and /clear', () => {
  it('dismisses one, then clears the rest', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    await post(app, bob, { status: 'one @ana' })
    await post(app, bob, { status: 'two @ana' })
    await post(app, bob, { status: 'three @ana' })
    await ctx.jobs.drain()
    const [first, ...rest] = await notificationsOf(app, ana)
    const dismiss = (id: string, who = ana) =>
      app.inject({ method: 'POST', url: `/api/v1/notifications/${id}/dismiss`, headers: who.auth })
    assert.equal((await dismiss(first!.id, bob)).statusCode, 404)
    assert.equal((await dismiss(first!.id)).statusCode, 200)
    assert.deepEqual(
      (await notificationsOf(app, ana)).map((n) => n.id),
      rest.map((n) => n.id),
    )
    assert.equal((await dismiss(first!.id)).statusCode, 404)
    const clear = await app.inject({ method: 'POST', url: '/api/v1/notifications/clear', headers: ana.auth })
    assert.equal(clear.statusCode, 200)
    assert.deepEqual(await notificationsOf(app, ana), [])
    // Dismissed is remembered: the same event does not come back when a job runs again.
    await ctx.jobs.drain()
    assert.deepEqual(await notificationsOf(app, ana), [])
  })

  it('needs write:notifications', async (t) => {
    const { app, given } = await buildTestApp(t)
    const reader = await given.account('reader', { scopes: 'read' })
    const res = await app.inject({ method: 'POST', url: '/api/v1/notifications/clear', headers: reader.auth })
    assert.equal(res.statusCode, 403)
  })
})
