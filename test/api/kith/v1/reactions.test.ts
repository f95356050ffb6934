import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { Reaction } from '#shared/kith-posts.ts'
import { anonymousWeb, buildTestApp, countRows } from '../../../helpers.ts'
import {
  befriend,
  block,
  call,
  INTERACTION_TABLES,
  post,
  show,
  status,
} from '../../mastodon/v1/statuses/post-helpers.ts'

const reaction = (id: string) => `/api/kith/v1/statuses/${id}/reaction`
const reactions = (id: string) => `/api/kith/v1/statuses/${id}/reactions`

describe('PUT /api/kith/v1/statuses/:id/reaction', () => {
  it('sets one reaction per person, changes its kind without counting twice, and removes it', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    const p = await post(app, ana, { status: 'We got engaged!' })
    const loved = status((await call(app, ben, 'PUT', reaction(p.id), 200, { kind: 'love' })).json())
    assert.equal(loved.kith.my_reaction, 'love')
    assert.equal(loved.favourited, true, 'any reaction is a favourite to Mastodon clients')
    assert.equal(loved.favourites_count, 1)
    await call(app, cam, 'PUT', reaction(p.id), 200, { kind: 'love' })
    const changed = status((await call(app, ben, 'PUT', reaction(p.id), 200, { kind: 'haha' })).json())
    assert.equal(changed.favourites_count, 2)
    assert.deepEqual(changed.kith.reactions, [
      { name: 'love', count: 1, me: false },
      { name: 'haha', count: 1, me: true },
    ])
    assert.equal((await countRows(ctx, ['reactions'])).reactions, 2)

    const removed = status((await call(app, ben, 'DELETE', reaction(p.id))).json())
    assert.equal(removed.kith.my_reaction, null)
    assert.equal(removed.favourited, false)
    assert.equal(removed.favourites_count, 1)
    assert.equal(status((await call(app, ben, 'DELETE', reaction(p.id))).json()).favourites_count, 1, 'idempotent')
  })

  it('reacts to comments too', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'Lost keys near the bakery' })
    const c = await post(app, ben, { status: 'Found them!', in_reply_to_id: p.id })
    const s = status((await call(app, ana, 'PUT', reaction(c.id), 200, { kind: 'wow' })).json())
    assert.equal(s.id, c.id)
    assert.deepEqual(s.kith.reactions, [{ name: 'wow', count: 1, me: true }])
    assert.equal((await show(app, ana, p.id)).favourites_count, 0)
  })

  it('refuses a kind outside the six with 422 and a missing kind with 400, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'hello' })
    await call(app, ben, 'PUT', reaction(p.id), 200, { kind: 'sad' })
    const before = await countRows(ctx, INTERACTION_TABLES)
    for (const kind of ['LIKE', 'yay', 'like ', '']) {
      const res = await app.inject({ method: 'PUT', url: reaction(p.id), headers: ben.auth, payload: { kind } })
      assert.equal(res.statusCode, kind === '' ? 400 : 422, `${kind} → ${res.body}`)
    }
    await call(app, ben, 'PUT', reaction(p.id), 400, {})
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
    assert.equal((await show(app, ben, p.id)).kith.my_reaction, 'sad')
  })

  it('answers 404 for a post the person may not see, or across a block, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    const dm = await post(app, ana, { status: '@cam a secret', visibility: 'direct' })
    const open = await post(app, ana, { status: 'open' })
    await block(ctx, ben, ana)
    const before = await countRows(ctx, INTERACTION_TABLES)
    await call(app, ben, 'PUT', reaction(dm.id), 404, { kind: 'like' })
    await call(app, ben, 'PUT', reaction(open.id), 404, { kind: 'like' })
    await call(app, ben, 'DELETE', reaction(open.id), 404)
    await call(app, ben, 'GET', reactions(open.id), 404)
    await call(app, null, 'GET', reactions(dm.id), 404)
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
    await call(app, cam, 'PUT', reaction(dm.id), 200, { kind: 'like' })
  })

  it('works from the web client with the session cookie and CSRF header, and not without the header', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'hello' })
    const ok = await app.inject({ method: 'PUT', url: reaction(p.id), headers: ben.web, payload: { kind: 'love' } })
    assert.equal(ok.statusCode, 200, ok.body)
    const { 'x-csrf-token': _, ...noCsrf } = ben.web
    const refused = await app.inject({ method: 'DELETE', url: reaction(p.id), headers: noCsrf })
    assert.equal(refused.statusCode, 403)
    assert.equal((await show(app, ben, p.id)).kith.my_reaction, 'love')
    const anon = await app.inject({
      method: 'PUT',
      url: reaction(p.id),
      headers: anonymousWeb,
      payload: { kind: 'like' },
    })
    assert.equal(anon.statusCode, 401)
    const reader = await given.account('cam', { scopes: 'read' })
    await call(app, reader, 'PUT', reaction(p.id), 403, { kind: 'like' })
  })

  it('counts each person once when their reactions race', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const people = await Promise.all(['ben', 'cam', 'dee', 'eve'].map((n) => given.account(n)))
    const p = await post(app, ana, { status: 'race' })
    const kinds = ['like', 'love', 'haha', 'wow']
    await Promise.all(
      people.flatMap((who) =>
        kinds.map((kind) =>
          app.inject({ method: 'PUT', url: reaction(p.id), headers: who.auth, payload: { kind } }).then((r) => {
            assert.equal(r.statusCode, 200, r.body)
          }),
        ),
      ),
    )
    assert.equal((await show(app, ana, p.id)).favourites_count, 4)
    assert.equal((await countRows(ctx, ['reactions'])).reactions, 4)
    await Promise.all(people.map((who) => app.inject({ method: 'DELETE', url: reaction(p.id), headers: who.auth })))
    await Promise.all(people.map((who) => app.inject({ method: 'DELETE', url: reaction(p.id), headers: who.auth })))
    assert.equal((await show(app, ana, p.id)).favourites_count, 0)
  })
})

describe('GET /api/kith/v1/statuses/:id/reactions', () => {
  it('lists who reacted and how, newest first, filtered by kind and paged with a Link header', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    const dee = await given.account('dee')
    await befriend(ctx, ana, ben)
    const p = await post(app, ana, { status: 'friends news', visibility: 'friends' })
    await befriend(ctx, ana, cam)
    await befriend(ctx, ana, dee)
    await call(app, ben, 'PUT', reaction(p.id), 200, { kind: 'love' })
    await call(app, cam, 'PUT', reaction(p.id), 200, { kind: 'like' })
    await call(app, dee, 'PUT', reaction(p.id), 200, { kind: 'love' })

    const all = (await call(app, ana, 'GET', reactions(p.id))).json()
    assert.ok(Value.Check(Type.Array(Reaction), all))
    assert.deepEqual(
      all.map((r: Reaction) => [r.account.username, r.kind]),
      [
        ['dee', 'love'],
        ['cam', 'like'],
        ['ben', 'love'],
      ],
    )
    const loves = (await call(app, ben, 'GET', `${reactions(p.id)}?kind=love`)).json()
    assert.deepEqual(
      loves.map((r: Reaction) => r.account.username),
      ['dee', 'ben'],
    )
    const page1 = await call(app, ana, 'GET', `${reactions(p.id)}?limit=2`)
    assert.equal(page1.json().length, 2)
    const next = String(page1.headers.link).match(/<([^>]+)>; rel="next"/)![1]!
    assert.match(next, /limit=2/)
    const page2 = await call(app, ana, 'GET', next.replace('http://kith.test', ''))
    assert.deepEqual(
      page2.json().map((r: Reaction) => r.account.username),
      ['ben'],
    )
    await call(app, ana, 'GET', `${reactions(p.id)}?kind=meh`, 422)
    await call(app, null, 'GET', reactions(p.id), 404)
  })
})
