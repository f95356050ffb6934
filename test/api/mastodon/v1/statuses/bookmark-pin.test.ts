import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { unfriend } from '#server/domain/graph/friends.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { buildTestApp, countRows } from '../../../../helpers.ts'
import { befriend, block, call, INTERACTION_TABLES, post, show, status } from './post-helpers.ts'

const ids = (res: { json(): unknown }) => (res.json() as Status[]).map((s) => s.id)

describe('POST /api/v1/statuses/:id/bookmark and /unbookmark', () => {
  it('bookmarks once, privately, and unbookmarks', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'Recipe: plum cake' })
    const s = status((await call(app, ben, 'POST', `/api/v1/statuses/${p.id}/bookmark`)).json())
    assert.equal(s.bookmarked, true)
    await call(app, ben, 'POST', `/api/v1/statuses/${p.id}/bookmark`)
    assert.equal((await countRows(ctx, ['bookmarks'])).bookmarks, 1, 'idempotent')
    assert.equal((await show(app, ana, p.id)).bookmarked, false, 'nobody else sees it')
    const share = status((await call(app, ana, 'POST', `/api/v1/statuses/${p.id}/reblog`)).json())
    assert.equal(status((await call(app, ana, 'POST', `/api/v1/statuses/${share.id}/bookmark`)).json()).id, p.id)
    const un = status((await call(app, ben, 'POST', `/api/v1/statuses/${p.id}/unbookmark`)).json())
    assert.equal(un.bookmarked, false)
    await call(app, ben, 'POST', `/api/v1/statuses/${p.id}/unbookmark`)
    assert.equal((await countRows(ctx, ['bookmarks'])).bookmarks, 1)
  })

  it('answers 404 for a post the person may not see, changing nothing, and needs write:bookmarks', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam', { scopes: 'read write:favourites' })
    const secret = await post(app, ana, { status: 'x', visibility: 'friends' })
    const open = await post(app, ana, { status: 'y' })
    const before = await countRows(ctx, INTERACTION_TABLES)
    await call(app, ben, 'POST', `/api/v1/statuses/${secret.id}/bookmark`, 404)
    await call(app, cam, 'POST', `/api/v1/statuses/${open.id}/bookmark`, 403)
    await call(app, null, 'POST', `/api/v1/statuses/${open.id}/bookmark`, 401)
    await block(ctx, ana, ben)
    await call(app, ben, 'POST', `/api/v1/statuses/${open.id}/bookmark`, 404)
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
  })
})

describe('GET /api/v1/bookmarks', () => {
  it('lists bookmarks newest first, paged by bookmark, and only posts the person may still see', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    await befriend(ctx, ana, ben)
    const a = await post(app, ana, { status: 'a', visibility: 'friends' })
    const b = await post(app, cam, { status: 'b' })
    const c = await post(app, ana, { status: 'c' })
    for (const p of [c, a, b]) await call(app, ben, 'POST', `/api/v1/statuses/${p.id}/bookmark`)
    const page1 = await call(app, ben, 'GET', '/api/v1/bookmarks?limit=2')
    assert.deepEqual(ids(page1), [b.id, a.id])
    const next = String(page1.headers.link).match(/<([^>]+)>; rel="next"/)![1]!
    assert.deepEqual(ids(await call(app, ben, 'GET', next.replace('http://kith.test', ''))), [c.id])

    // Ana unfriends Ben: her friends-only post leaves his bookmarks; blocked by Cam, Cam's goes too.
    await unfriend(ctx, ana.account, ben.account.id)
    assert.deepEqual(ids(await call(app, ben, 'GET', '/api/v1/bookmarks')), [b.id, c.id])
    await block(ctx, cam, ben)
    assert.deepEqual(ids(await call(app, ben, 'GET', '/api/v1/bookmarks')), [c.id])
    await call(app, null, 'GET', '/api/v1/bookmarks', 401)
  })
})

describe('POST /api/v1/statuses/:id/pin and /unpin', () => {
  it('pins up to five of one’s own posts, shown first on the profile, and unpins', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const posts = []
    for (let i = 0; i < 6; i++) posts.push(await post(app, ana, { status: `post ${i}` }))
    for (const p of posts.slice(0, 5)) {
      assert.equal(status((await call(app, ana, 'POST', `/api/v1/statuses/${p.id}/pin`)).json()).pinned, true)
    }
    await call(app, ana, 'POST', `/api/v1/statuses/${posts[0]!.id}/pin`)
    const before = await countRows(ctx, INTERACTION_TABLES)
    const sixth = await call(app, ana, 'POST', `/api/v1/statuses/${posts[5]!.id}/pin`, 422)
    assert.match(sixth.json().error, /at most 5/)
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)

    const pinned = await call(app, null, 'GET', `/api/v1/accounts/${ana.account.id}/statuses?pinned=true`)
    assert.deepEqual(
      ids(pinned),
      posts
        .slice(0, 5)
        .map((p) => p.id)
        .reverse(),
    )
    const un = status((await call(app, ana, 'POST', `/api/v1/statuses/${posts[0]!.id}/unpin`)).json())
    assert.equal(un.pinned, false)
    await call(app, ana, 'POST', `/api/v1/statuses/${posts[5]!.id}/pin`)
    assert.equal((await countRows(ctx, ['pins'])).pins, 5)
  })

  it('refuses shares, someone else’s post and direct posts with 422, and hidden posts with 404', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const theirs = await post(app, ben, { status: 'ben’s' })
    const share = status((await call(app, ana, 'POST', `/api/v1/statuses/${theirs.id}/reblog`)).json())
    const dm = await post(app, ana, { status: '@ben hi', visibility: 'direct' })
    const hidden = await post(app, ben, { status: 'friends', visibility: 'friends' })
    const before = await countRows(ctx, INTERACTION_TABLES)
    for (const id of [theirs.id, share.id, dm.id]) await call(app, ana, 'POST', `/api/v1/statuses/${id}/pin`, 422)
    await call(app, ana, 'POST', `/api/v1/statuses/${hidden.id}/pin`, 404)
    await call(app, ana, 'POST', `/api/v1/statuses/${hidden.id}/unpin`, 404)
    const reader = await given.account('cam', { scopes: 'read write:statuses' })
    const own = await post(app, reader, { status: 'mine' })
    await call(app, reader, 'POST', `/api/v1/statuses/${own.id}/pin`, 403)
    assert.deepEqual(await countRows(ctx, ['pins', 'bookmarks', 'reactions']), {
      pins: before.pins,
      bookmarks: before.bookmarks,
      reactions: before.reactions,
    })
  })

  it('never passes five pins when they race', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const posts = []
    for (let i = 0; i < 8; i++) posts.push(await post(app, ana, { status: `post ${i}` }))
    const codes = await Promise.all(
      posts.map((p) => app.inject({ method: 'POST', url: `/api/v1/statuses/${p.id}/pin`, headers: ana.auth })),
    ).then((all) => all.map((r) => r.statusCode))
    assert.equal(codes.filter((c) => c === 200).length, 5)
    assert.equal(codes.filter((c) => c === 422).length, 3)
    assert.equal((await countRows(ctx, ['pins'])).pins, 5)
  })
})
