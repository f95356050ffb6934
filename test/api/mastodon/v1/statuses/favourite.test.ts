import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Account } from '#shared/mastodon-entities.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { buildTestApp, countRows } from '../../../../helpers.ts'
import { befriend, block, call, INTERACTION_TABLES, post, show, status } from './post-helpers.ts'

const fav = (id: string) => `/api/v1/statuses/${id}/favourite`
const unfav = (id: string) => `/api/v1/statuses/${id}/unfavourite`

describe('POST /api/v1/statuses/:id/favourite and /unfavourite', () => {
  it('likes once however often it is sent, counts it, and unlikes', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'Garden party at five' })
    const liked = status((await call(app, ben, 'POST', fav(p.id))).json())
    assert.equal(liked.id, p.id)
    assert.equal(liked.favourited, true)
    assert.equal(liked.favourites_count, 1)
    assert.equal(liked.kith.my_reaction, 'like')
    assert.deepEqual(liked.kith.reactions, [{ name: 'like', count: 1, me: true }])
    const again = status((await call(app, ben, 'POST', fav(p.id))).json())
    assert.equal(again.favourites_count, 1, 'idempotent')
    const seenByAna = await show(app, ana, p.id)
    assert.equal(seenByAna.favourited, false)
    assert.deepEqual(seenByAna.kith.reactions, [{ name: 'like', count: 1, me: false }])

    const un = status((await call(app, ben, 'POST', unfav(p.id))).json())
    assert.equal(un.favourited, false)
    assert.equal(un.favourites_count, 0)
    assert.deepEqual(un.kith.reactions, [])
    assert.equal(status((await call(app, ben, 'POST', unfav(p.id))).json()).favourites_count, 0, 'idempotent')
  })

  it('keeps a reaction of another kind, and unfavourite removes whatever reaction there is', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'New puppy!' })
    await call(app, ben, 'PUT', `/api/kith/v1/statuses/${p.id}/reaction`, 200, { kind: 'love' })
    const s = status((await call(app, ben, 'POST', fav(p.id))).json())
    assert.equal(s.kith.my_reaction, 'love')
    assert.equal(s.favourited, true)
    assert.equal(s.favourites_count, 1)
    const un = status((await call(app, ben, 'POST', unfav(p.id))).json())
    assert.equal(un.kith.my_reaction, null)
    assert.equal(un.favourites_count, 0)
  })

  it('favourites the original when given a share, and works on comments', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'Bake sale' })
    const share = status((await call(app, ben, 'POST', `/api/v1/statuses/${p.id}/reblog`)).json())
    const s = status((await call(app, ana, 'POST', fav(share.id))).json())
    assert.equal(s.id, p.id)
    assert.equal(s.favourites_count, 1)
    const comment = await post(app, ben, { status: 'Count me in', in_reply_to_id: p.id })
    assert.equal(status((await call(app, ana, 'POST', fav(comment.id))).json()).favourites_count, 1)
  })

  it('answers 404 for a post the person may not see, or across a block either way, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    const dee = await given.account('dee')
    await befriend(ctx, ana, cam)
    const secret = await post(app, ana, { status: 'friends only', visibility: 'friends' })
    const open = await post(app, ana, { status: 'for everyone' })
    await call(app, cam, 'POST', fav(secret.id))
    await block(ctx, ana, dee)
    const before = await countRows(ctx, INTERACTION_TABLES)
    await call(app, ben, 'POST', fav(secret.id), 404)
    await call(app, ben, 'POST', unfav(secret.id), 404)
    await call(app, ben, 'GET', `/api/v1/statuses/${secret.id}/favourited_by`, 404)
    await call(app, null, 'GET', `/api/v1/statuses/${secret.id}/favourited_by`, 404)
    await call(app, dee, 'POST', fav(open.id), 404)
    await call(app, ben, 'POST', fav('123456789012345678'), 404)
    await block(ctx, ben, ana)
    await call(app, ben, 'POST', fav(open.id), 404)
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
    assert.equal((await show(app, ana, secret.id)).favourites_count, 1)
  })

  it('needs a signed-in person with write:favourites', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const reader = await given.account('ben', { scopes: 'read' })
    const p = await post(app, ana, { status: 'hello' })
    await call(app, null, 'POST', fav(p.id), 401)
    await call(app, reader, 'POST', fav(p.id), 403)
    await call(app, ana, 'POST', '/api/v1/statuses/not-an-id/favourite', 400)
    assert.equal((await show(app, ana, p.id)).favourites_count, 0)
  })
})

describe('GET /api/v1/statuses/:id/favourited_by', () => {
  it('lists who reacted, newest first, paged with a Link header, without blocked people', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const people = [await given.account('ben'), await given.account('cam'), await given.account('dee')]
    const p = await post(app, ana, { status: 'Street fair' })
    for (const who of people) await call(app, who, 'POST', fav(p.id))
    await call(app, people[2]!, 'PUT', `/api/kith/v1/statuses/${p.id}/reaction`, 200, { kind: 'wow' })
    const page1 = await call(app, null, 'GET', `/api/v1/statuses/${p.id}/favourited_by?limit=2`)
    assert.deepEqual(
      page1.json().map((a: Account) => a.username),
      ['dee', 'cam'],
    )
    const next = String(page1.headers.link).match(/<([^>]+)>; rel="next"/)![1]!
    const page2 = await call(app, null, 'GET', next.replace('http://kith.test', ''))
    assert.deepEqual(
      page2.json().map((a: Account) => a.username),
      ['ben'],
    )
    await block(ctx, ana, people[0]!)
    const afterBlock = await call(app, ana, 'GET', `/api/v1/statuses/${p.id}/favourited_by`)
    assert.deepEqual(
      afterBlock.json().map((a: Account) => a.username),
      ['dee', 'cam'],
    )
  })
})

describe('GET /api/v1/favourites', () => {
  it('lists what the person reacted to, newest reaction first, paged, and only posts they may still see', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    await befriend(ctx, ana, ben)
    const posts = []
    for (let i = 0; i < 3; i++) posts.push(await post(app, ana, { status: `post ${i}` }))
    // Reacted to in another order than posted: the list follows the reactions.
    for (const i of [1, 0, 2]) await call(app, ben, 'POST', fav(posts[i]!.id))
    const page1 = await call(app, ben, 'GET', '/api/v1/favourites?limit=2')
    assert.deepEqual(
      page1.json().map((s: Status) => s.id),
      [posts[2]!.id, posts[0]!.id],
    )
    assert.ok(page1.json().every((s: Status) => s.favourited))
    const next = String(page1.headers.link).match(/<([^>]+)>; rel="next"/)![1]!
    const page2 = await call(app, ben, 'GET', next.replace('http://kith.test', ''))
    assert.deepEqual(
      page2.json().map((s: Status) => s.id),
      [posts[1]!.id],
    )
    const prev = String(page2.headers.link).match(/<([^>]+)>; rel="prev"/)![1]!
    const back = await call(app, ben, 'GET', prev.replace('http://kith.test', ''))
    assert.deepEqual(
      back.json().map((s: Status) => s.id),
      [posts[2]!.id, posts[0]!.id],
    )

    // A post Ben may no longer see leaves his list; after a block, every one of Ana's does.
    await call(app, ana, 'PUT', `/api/kith/v1/statuses/${posts[0]!.id}/visibility`, 200, { visibility: 'direct' })
    const after = await call(app, ben, 'GET', '/api/v1/favourites')
    assert.deepEqual(
      after.json().map((s: Status) => s.id),
      [posts[2]!.id, posts[1]!.id],
    )
    await block(ctx, ana, ben)
    assert.deepEqual((await call(app, ben, 'GET', '/api/v1/favourites')).json(), [])
    await call(app, null, 'GET', '/api/v1/favourites', 401)
  })
})
