import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { Relationship } from '#shared/mastodon-entities.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { act, befriend } from './graph-helpers.ts'

describe('GET /api/v1/accounts/relationships', () => {
  it('answers one Relationship per known id, in order, with every flag', async (t) => {
    const { app, given } = await buildTestApp(t)
    const me = await given.account('me')
    const [friend, followed, follower, blocked, blocker, muted, asked, asker, locked] = await Promise.all(
      ['friend', 'followed', 'follower', 'blocked', 'blocker', 'muted', 'asked', 'asker', 'locked'].map((n) =>
        given.account(n),
      ),
    )
    await befriend(app, me, friend!)
    await act(app, me, `/api/v1/accounts/${followed!.account.id}/follow`, { payload: { notify: true } })
    await act(app, follower!, `/api/v1/accounts/${me.account.id}/follow`)
    await act(app, me, `/api/v1/accounts/${blocked!.account.id}/block`)
    await act(app, blocker!, `/api/v1/accounts/${me.account.id}/block`)
    await act(app, me, `/api/v1/accounts/${muted!.account.id}/mute`, { payload: { notifications: false } })
    await act(app, me, `/api/kith/v1/accounts/${asked!.account.id}/friend_request`)
    await act(app, asker!, `/api/kith/v1/accounts/${me.account.id}/friend_request`)
    await act(app, locked!, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    await act(app, me, `/api/v1/accounts/${locked!.account.id}/follow`)
    await act(app, me, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    await act(app, follower!, `/api/v1/accounts/${me.account.id}/unfollow`)
    await act(app, follower!, `/api/v1/accounts/${me.account.id}/follow`)

    const all = [friend, followed, follower, blocked, blocker, muted, asked, asker, locked].map((a) => a!.account.id)
    const query = [...all, '123456789012345678', all[0]].map((id) => `id[]=${id}`).join('&')
    const res = await app.inject({ url: `/api/v1/accounts/relationships?${query}`, headers: me.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(Value.Check(Type.Array(Relationship), res.json()))
    const rels: Relationship[] = res.json()
    assert.deepEqual(
      rels.map((r) => r.id),
      all,
      'unknown ids left out, duplicates once, order kept',
    )
    const flags = (r: Relationship) =>
      Object.entries(r)
        .filter(([k, v]) => v === true && k !== 'showing_reblogs')
        .map(([k]) => k)
        .sort()
    assert.deepEqual(rels.map(flags), [
      ['followed_by', 'following', 'friends'],
      ['following', 'notifying'],
      ['requested_by'],
      ['blocking'],
      ['blocked_by'],
      ['muting'],
      ['friend_request_sent'],
      ['friend_request_received'],
      ['requested'],
    ])
    assert.equal(rels[5]!.muting_notifications, false)
    assert.deepEqual([rels[0]!.note, rels[0]!.languages, rels[0]!.domain_blocking], ['', null, false])

    const single = await app.inject({ url: `/api/v1/accounts/relationships?id=${all[0]}`, headers: me.auth })
    assert.equal(single.json().length, 1)
    assert.deepEqual((await app.inject({ url: '/api/v1/accounts/relationships', headers: me.auth })).json(), [])
  })

  it('needs a user with read:follows', async (t) => {
    const { app, given } = await buildTestApp(t)
    const reader = await given.account('reader', { scopes: 'read:accounts' })
    const url = `/api/v1/accounts/relationships?id[]=${reader.account.id}`
    assert.equal((await app.inject({ url })).statusCode, 401)
    assert.equal((await app.inject({ url, headers: reader.auth })).statusCode, 403)
    assert.equal((await app.inject({ url, headers: reader.web })).statusCode, 200)
  })
})
