// Notifications from interactions: reactions (favourite to Mastodon clients, grouped), shares,
// quotes, edits (`update` to people who shared or commented, `status.update` on streams), and the
// unread count against the `notifications` read marker.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { followAccount } from '#server/domain/graph/follow.ts'
import { channels } from '#server/pubsub/channels.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { openStream, payloadOf, untilListened } from '../streaming/stream-helpers.ts'
import { notificationsOf, post, summary, unreadCount } from './notification-helpers.ts'

describe('reaction and share notifications', () => {
  it('shows reactions as favourites (grouped per post) and shares as reblogs', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const cat = await given.account('cat')
    const p = await post(app, ana, { status: 'Our new bench is in' })
    const fav = await app.inject({ method: 'POST', url: `/api/v1/statuses/${p.id}/favourite`, headers: bob.auth })
    assert.equal(fav.statusCode, 200)
    const love = await app.inject({
      method: 'PUT',
      url: `/api/kith/v1/statuses/${p.id}/reaction`,
      headers: cat.web,
      payload: { kind: 'love' },
    })
    assert.equal(love.statusCode, 200, love.body)
    // Changing a reaction changes the notification, it does not add one.
    await app.inject({
      method: 'PUT',
      url: `/api/kith/v1/statuses/${p.id}/reaction`,
      headers: cat.web,
      payload: { kind: 'haha' },
    })
    const share = await app.inject({ method: 'POST', url: `/api/v1/statuses/${p.id}/reblog`, headers: bob.auth })
    assert.equal(share.statusCode, 200)
    await ctx.jobs.drain()

    const list = await notificationsOf(app, ana)
    assert.deepEqual(summary(list), [
      ['reblog', 'reblog', 'bob'],
      ['favourite', 'kith:reaction', 'cat'],
      ['favourite', 'kith:reaction', 'bob'],
    ])
    assert.equal(list[0]!.status?.id, p.id)
    assert.deepEqual(
      list.slice(1).map((n) => n.kith.reaction),
      ['haha', 'like'],
    )
    assert.equal(list[1]!.group_key, list[2]!.group_key)

    const grouped = await app.inject({ url: '/api/v2/notifications', headers: ana.auth })
    const groups = grouped.json().notification_groups
    assert.deepEqual(
      groups.map((g: { type: string; notifications_count: number }) => [g.type, g.notifications_count]),
      [
        ['reblog', 1],
        ['favourite', 2],
      ],
    )
  })
})

describe('edit notifications', () => {
  it('tells people who shared or commented, and streams status.update', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const cat = await given.account('cat')
    await followAccount(ctx, cat.account, ana.account.id)
    const p = await post(app, ana, { status: 'Meeting at 6' })
    await app.inject({ method: 'POST', url: `/api/v1/statuses/${p.id}/reblog`, headers: bob.auth })
    await post(app, cat, { status: 'See you there', in_reply_to_id: p.id })
    await ctx.jobs.drain()
    const stream = await openStream(app, '/api/v1/streaming?stream=user', cat.auth)
    await untilListened(ctx, channels.home(cat.account.id))

    const edit = await app.inject({
      method: 'PUT',
      url: `/api/v1/statuses/${p.id}`,
      headers: ana.auth,
      payload: { status: 'Meeting at 7' },
    })
    assert.equal(edit.statusCode, 200, edit.body)
    const updated = await stream.next((e) => e.event === 'status.update')
    assert.match(payloadOf(updated).content, /Meeting at 7/)
    await ctx.jobs.drain()
    for (const who of [bob, cat]) {
      const [latest] = await notificationsOf(app, who)
      assert.deepEqual([latest!.type, latest!.account.username, latest!.status?.id], ['update', 'ana', p.id])
    }
    stream.ws.terminate()
  })
})

describe('GET /api/v1/notifications/unread_count', () => {
  it('counts what is newer than the notifications marker, capped by limit', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    for (const n of [1, 2, 3]) await post(app, bob, { status: `${n} @ana` })
    await ctx.jobs.drain()
    assert.equal(await unreadCount(app, ana), 3)
    assert.equal(await unreadCount(app, ana, '?limit=2'), 2)

    const [, second] = await notificationsOf(app, ana)
    const marker = await app.inject({
      method: 'POST',
      url: '/api/v1/markers',
      headers: ana.auth,
      payload: { notifications: { last_read_id: second!.id } },
    })
    assert.equal(marker.statusCode, 200, marker.body)
    assert.equal(await unreadCount(app, ana), 1)
    await followAccount(ctx, bob.account, ana.account.id)
    await ctx.jobs.drain()
    assert.equal(await unreadCount(app, ana), 2)
    assert.equal(await unreadCount(app, ana, '?types[]=follow'), 1)
  })
})
