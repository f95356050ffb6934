import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { Suggestion } from '#shared/mastodon-entities.ts'
import { buildTestApp } from '../../../helpers.ts'
import { act, befriend } from '../v1/accounts/graph-helpers.ts'

describe('GET /api/v2/suggestions', () => {
  it('suggests friends of friends the viewer does not follow, most mutual friends first', async (t) => {
    const { app, given } = await buildTestApp(t)
    const me = await given.account('me')
    const [f1, f2, two, one, followed] = await Promise.all(
      ['f1', 'f2', 'two', 'one', 'followed'].map((n) => given.account(n)),
    )
    await befriend(app, me, f1!)
    await befriend(app, me, f2!)
    await befriend(app, f1!, two!)
    await befriend(app, f2!, two!)
    await befriend(app, f1!, one!)
    await befriend(app, f1!, followed!)
    await act(app, me, `/api/v1/accounts/${followed!.account.id}/follow`)
    const res = await app.inject({ url: '/api/v2/suggestions', headers: me.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(Value.Check(Type.Array(Suggestion), res.json()))
    assert.deepEqual(
      res.json().map((s: Suggestion) => [s.account.username, s.source, s.sources]),
      [
        ['two', 'past_interactions', ['friends_of_friends']],
        ['one', 'past_interactions', ['friends_of_friends']],
      ],
    )
    assert.equal((await app.inject({ url: '/api/v2/suggestions?limit=1', headers: me.auth })).json().length, 1)
    assert.equal((await app.inject({ url: '/api/v2/suggestions' })).statusCode, 401)
  })
})

describe('DELETE /api/v1/suggestions/:id', () => {
  it('never suggests that account again', async (t) => {
    const { app, given } = await buildTestApp(t)
    const me = await given.account('me')
    const f1 = await given.account('f1')
    const one = await given.account('one')
    await befriend(app, me, f1)
    await befriend(app, f1, one)
    assert.equal((await app.inject({ url: '/api/v2/suggestions', headers: me.auth })).json().length, 1)
    const res = await app.inject({ method: 'DELETE', url: `/api/v1/suggestions/${one.account.id}`, headers: me.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json(), {})
    assert.deepEqual((await app.inject({ url: '/api/v2/suggestions', headers: me.auth })).json(), [])
    const again = await app.inject({ method: 'DELETE', url: `/api/v1/suggestions/${one.account.id}`, headers: me.auth })
    assert.equal(again.statusCode, 200)
    const unknown = await app.inject({
      method: 'DELETE',
      url: '/api/v1/suggestions/123456789012345678',
      headers: me.auth,
    })
    assert.equal(unknown.statusCode, 404)
  })
})
