import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Account } from '#shared/mastodon-entities.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { buildTestApp, countRows } from '../../../../helpers.ts'
import { befriend, block, call, follow, INTERACTION_TABLES, post, show, status } from './post-helpers.ts'

const reblog = (id: string) => `/api/v1/statuses/${id}/reblog`
const unreblog = (id: string) => `/api/v1/statuses/${id}/unreblog`
const statusesCount = async (app: Parameters<typeof call>[0], who: Parameters<typeof call>[1]) =>
  (await call(app, who, 'GET', '/api/v1/accounts/verify_credentials')).json().statuses_count

describe('POST /api/v1/statuses/:id/reblog', () => {
  it('shares once (a second share returns the first), counts it, and puts it in followers’ home feeds', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    await follow(ctx, cam, ben)
    const p = await post(app, ana, { status: 'Road closed on Elm St' })
    const share = status((await call(app, ben, 'POST', reblog(p.id))).json())
    assert.notEqual(share.id, p.id)
    assert.equal(share.account.username, 'ben')
    assert.equal(share.visibility, 'public')
    assert.equal(share.reblog?.id, p.id)
    assert.equal(share.reblog?.reblogs_count, 1)
    assert.equal(share.reblog?.reblogged, true)
    const again = status((await call(app, ben, 'POST', reblog(p.id))).json())
    assert.equal(again.id, share.id, 'idempotent')
    assert.equal((await show(app, ana, p.id)).reblogs_count, 1)
    assert.equal(await statusesCount(app, ben), 1)

    const home = (await call(app, cam, 'GET', '/api/v1/timelines/home')).json() as Status[]
    assert.deepEqual(
      home.map((s) => [s.id, s.reblog?.id]),
      [[share.id, p.id]],
    )
    // Sharing the share shares the original.
    const viaShare = status((await call(app, cam, 'POST', reblog(share.id))).json())
    assert.equal(viaShare.reblog?.id, p.id)
    assert.equal((await show(app, ana, p.id)).reblogs_count, 2)
  })

  it('takes the audience of the share from `visibility`', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'hi', visibility: 'unlisted' })
    const share = status((await call(app, ben, 'POST', reblog(p.id), 200, { visibility: 'private' })).json())
    assert.equal(share.visibility, 'private')
    await call(app, ben, 'POST', reblog(p.id), 400, { visibility: 'everyone' })
  })

  it('lets only the author share a followers- or friends-only post, and only to the same audience', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    await befriend(ctx, ana, ben)
    const friendsOnly = await post(app, ana, { status: 'for friends', visibility: 'friends' })
    const followersOnly = await post(app, ana, { status: 'for followers', visibility: 'private' })
    const dm = await post(app, ana, { status: '@ben psst', visibility: 'direct' })
    const before = await countRows(ctx, INTERACTION_TABLES)
    for (const p of [friendsOnly, followersOnly, dm]) {
      const res = await call(app, ben, 'POST', reblog(p.id), 403)
      assert.equal(res.json().error_code, 'not_shareable')
    }
    await call(app, cam, 'POST', reblog(friendsOnly.id), 404)
    await call(app, cam, 'POST', reblog(dm.id), 404)
    await call(app, ana, 'POST', reblog(dm.id), 403)
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)

    const own = status((await call(app, ana, 'POST', reblog(friendsOnly.id), 200, { visibility: 'public' })).json())
    assert.equal(own.kith.visibility, 'friends')
    const ownHome = (await call(app, ben, 'GET', '/api/v1/timelines/home')).json() as Status[]
    assert.ok(ownHome.some((s) => s.id === own.id))
    await call(app, cam, 'GET', `/api/v1/statuses/${own.id}`, 404)
  })

  it('answers 404 across a block either way, and needs write:statuses', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const reader = await given.account('cam', { scopes: 'read' })
    const p = await post(app, ana, { status: 'hi' })
    await block(ctx, ana, ben)
    const before = await countRows(ctx, INTERACTION_TABLES)
    await call(app, ben, 'POST', reblog(p.id), 404)
    await call(app, reader, 'POST', reblog(p.id), 403)
    await call(app, null, 'POST', reblog(p.id), 401)
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
  })

  it('makes one share when the same person shares at once many times', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'race' })
    const ids = await Promise.all(
      Array.from({ length: 6 }, () => app.inject({ method: 'POST', url: reblog(p.id), headers: ben.auth })),
    ).then((all) => all.map((r) => r.json().id))
    assert.equal(new Set(ids).size, 1)
    assert.equal((await countRows(ctx, ['posts'])).posts, 2)
    assert.equal((await show(app, ana, p.id)).reblogs_count, 1)
  })
})

describe('POST /api/v1/statuses/:id/unreblog', () => {
  it('removes the share and its counts, and is harmless when repeated', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    await follow(ctx, ana, ben)
    const p = await post(app, ana, { status: 'hi' })
    const share = status((await call(app, ben, 'POST', reblog(p.id))).json())
    const un = status((await call(app, ben, 'POST', unreblog(p.id))).json())
    assert.equal(un.id, p.id)
    assert.equal(un.reblogged, false)
    assert.equal(un.reblogs_count, 0)
    assert.equal(await statusesCount(app, ben), 0)
    await call(app, ben, 'GET', `/api/v1/statuses/${share.id}`, 404)
    const home = (await call(app, ana, 'GET', '/api/v1/timelines/home')).json() as Status[]
    assert.deepEqual(
      home.map((s) => s.id),
      [p.id],
    )
    assert.equal(status((await call(app, ben, 'POST', unreblog(p.id))).json()).reblogs_count, 0)
    await call(app, ben, 'POST', unreblog('123456789012345678'), 404)
  })
})

describe('GET /api/v1/statuses/:id/reblogged_by', () => {
  it('lists the sharers whose share the reader may see, newest first, paged', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    const dee = await given.account('dee')
    const eve = await given.account('eve')
    await follow(ctx, eve, dee)
    const p = await post(app, ana, { status: 'hi' })
    await call(app, ben, 'POST', reblog(p.id))
    await call(app, cam, 'POST', reblog(p.id))
    await call(app, dee, 'POST', reblog(p.id), 200, { visibility: 'private' })
    const names = (res: { json(): unknown }) => (res.json() as Account[]).map((a) => a.username)
    assert.deepEqual(names(await call(app, null, 'GET', `/api/v1/statuses/${p.id}/reblogged_by`)), ['cam', 'ben'])
    assert.deepEqual(names(await call(app, eve, 'GET', `/api/v1/statuses/${p.id}/reblogged_by`)), ['dee', 'cam', 'ben'])
    const page1 = await call(app, eve, 'GET', `/api/v1/statuses/${p.id}/reblogged_by?limit=2`)
    assert.deepEqual(names(page1), ['dee', 'cam'])
    const next = String(page1.headers.link).match(/<([^>]+)>; rel="next"/)![1]!
    assert.deepEqual(names(await call(app, eve, 'GET', next.replace('http://kith.test', ''))), ['ben'])
    const secret = await post(app, ana, { status: 'x', visibility: 'friends' })
    await call(app, eve, 'GET', `/api/v1/statuses/${secret.id}/reblogged_by`, 404)
  })
})
