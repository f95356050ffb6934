import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { Account } from '#shared/mastodon-entities.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { act, befriend } from './graph-helpers.ts'

const usernames = (list: { username: string }[]) => list.map((a) => a.username)

describe('GET /api/v1/accounts/:id/followers', () => {
  it('lists followers newest first, paged by the follow’s id with a Link header', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    for (const name of ['ben', 'cy', 'dee', 'eve']) {
      await act(app, await given.account(name), `/api/v1/accounts/${ann.account.id}/follow`)
    }
    const res = await app.inject({ url: `/api/v1/accounts/${ann.account.id}/followers?limit=3` })
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(Value.Check(Type.Array(Account), res.json()))
    assert.deepEqual(usernames(res.json()), ['eve', 'dee', 'cy'])
    const link = String(res.headers.link)
    assert.match(
      link,
      /^<http:\/\/kith\.test\/api\/v1\/accounts\/\d+\/followers\?limit=3&max_id=\d+>; rel="next", <.*min_id=\d+>; rel="prev"$/,
    )
    const next = new URL(link.match(/<([^>]+)>; rel="next"/)![1]!)
    const page2 = await app.inject({ url: next.pathname + next.search })
    assert.deepEqual(usernames(page2.json()), ['ben'])
    const minId = new URL(String(page2.headers.link).match(/<([^>]+)>; rel="prev"/)![1]!).searchParams.get('min_id')
    const back = await app.inject({ url: `/api/v1/accounts/${ann.account.id}/followers?min_id=${minId}&limit=2` })
    assert.deepEqual(usernames(back.json()), ['dee', 'cy'], 'min_id: the page just above, newest first')
    const empty = await app.inject({ url: `/api/v1/accounts/${ann.account.id}/followers?max_id=1` })
    assert.deepEqual(empty.json(), [])
    assert.equal(empty.headers.link, undefined)
  })

  it('shows a locked account’s lists to its followers only', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    await befriend(app, ann, ben)
    await act(app, ann, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    const list = (who?: { auth: Record<string, string> }) =>
      app.inject({ url: `/api/v1/accounts/${ann.account.id}/followers`, headers: who?.auth ?? {} })
    assert.deepEqual((await list(cy)).json(), [], 'a non-follower sees an empty list, as Mastodon does')
    assert.deepEqual((await list()).json(), [])
    assert.deepEqual(usernames((await list(ben)).json()), ['ben'])
    assert.deepEqual(usernames((await list(ann)).json()), ['ben'])
    const profile = await app.inject({ url: `/api/v1/accounts/${ann.account.id}`, headers: cy.auth })
    assert.equal(profile.json().hide_collections, true)
    assert.equal(profile.json().followers_count, 1)
    const asFollower = await app.inject({ url: `/api/v1/accounts/${ann.account.id}`, headers: ben.auth })
    assert.equal(asFollower.json().hide_collections, false)
  })

  it('is 404 for unknown ids, for someone the owner blocks, and for members-only profiles signed out', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    assert.equal((await app.inject({ url: '/api/v1/accounts/123456789012345678/followers' })).statusCode, 404)
    await act(app, ann, `/api/v1/accounts/${ben.account.id}/block`)
    const blocked = await app.inject({ url: `/api/v1/accounts/${ann.account.id}/followers`, headers: ben.auth })
    assert.equal(blocked.statusCode, 404)
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { profile_visibility: 'members' },
    })
    assert.equal((await app.inject({ url: `/api/v1/accounts/${ann.account.id}/followers` })).statusCode, 404)
    const member = await given.account('cy')
    assert.equal(
      (await app.inject({ url: `/api/v1/accounts/${ann.account.id}/followers`, headers: member.auth })).statusCode,
      200,
    )
  })
})

describe('GET /api/v1/accounts/:id/following', () => {
  it('lists whom the account follows; friends appear as mutual follows', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    await befriend(app, ann, ben)
    await act(app, ann, `/api/v1/accounts/${cy.account.id}/follow`)
    const res = await app.inject({ url: `/api/v1/accounts/${ann.account.id}/following`, headers: cy.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(usernames(res.json()), ['cy', 'ben'])
    const bens = await app.inject({ url: `/api/v1/accounts/${ben.account.id}/following` })
    assert.deepEqual(usernames(bens.json()), ['ann'])
    const reader = await given.account('reader', { scopes: 'read:statuses' })
    assert.equal(
      (await app.inject({ url: `/api/v1/accounts/${ann.account.id}/following`, headers: reader.auth })).statusCode,
      403,
    )
  })
})
