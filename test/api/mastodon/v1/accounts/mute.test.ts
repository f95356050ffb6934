import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { Account } from '#shared/mastodon-entities.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { act, assertCountersConsistent, befriend, relationship } from './graph-helpers.ts'

const mute = (id: string) => `/api/v1/accounts/${id}/mute`

describe('POST /api/v1/accounts/:id/mute', () => {
  it('mutes (notifications too by default) without touching the friendship', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await befriend(app, ann, ben)
    const rel = await act(app, ann, mute(ben.account.id))
    assert.deepEqual([rel.muting, rel.muting_notifications, rel.friends, rel.following], [true, true, true, true])
    assert.equal((await relationship(app, ben, ann)).muting, false, 'the muted person sees nothing')
    const again = await act(app, ann, mute(ben.account.id), { payload: { notifications: false } })
    assert.deepEqual([again.muting, again.muting_notifications], [true, false], 'muting again updates it')
    await assertCountersConsistent(ctx)
  })

  it('ends by itself after `duration` seconds: an expired mute is ignored everywhere', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const start = new Date('2030-01-01T12:00:00.000Z')
    ctx.clock.now = () => start
    await act(app, ann, mute(ben.account.id), { payload: { duration: 3600 } })
    const list = await app.inject({ url: '/api/v1/mutes', headers: ann.auth })
    assert.equal(list.json()[0].mute_expires_at, '2030-01-01T13:00:00.000Z')
    assert.ok(Value.Check(Account, list.json()[0]))
    ctx.clock.now = () => new Date('2030-01-01T12:59:59.000Z')
    assert.equal((await relationship(app, ann, ben)).muting, true)
    ctx.clock.now = () => new Date('2030-01-01T13:00:01.000Z')
    assert.equal((await relationship(app, ann, ben)).muting, false)
    assert.deepEqual((await app.inject({ url: '/api/v1/mutes', headers: ann.auth })).json(), [])
    // Muting again after expiry starts a new mute; form bodies work too.
    const res = await app.inject({
      method: 'POST',
      url: mute(ben.account.id),
      headers: { ...ann.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'duration=0&notifications=false',
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual([res.json().muting, res.json().muting_notifications], [true, false])
    assert.equal((await app.inject({ url: '/api/v1/mutes', headers: ann.auth })).json()[0].mute_expires_at, null)
  })

  it('refuses yourself and bad durations (422, 400), and unknown ids (404)', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ann, mute(ann.account.id), { status: 422 })
    await act(app, ann, mute('123456789012345678'), { status: 404 })
    await act(app, ann, mute(ben.account.id), { payload: { duration: -5 }, status: 400 })
    const reader = await given.account('reader', { scopes: 'read write:follows' })
    assert.equal(
      (await app.inject({ method: 'POST', url: mute(ben.account.id), headers: reader.auth })).statusCode,
      403,
    )
  })
})

describe('POST /api/v1/accounts/:id/unmute', () => {
  it('unmutes, harmlessly when not muted', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ann, mute(ben.account.id))
    assert.equal((await act(app, ann, `/api/v1/accounts/${ben.account.id}/unmute`)).muting, false)
    assert.equal((await act(app, ann, `/api/v1/accounts/${ben.account.id}/unmute`)).muting, false)
    await act(app, ann, '/api/v1/accounts/123456789012345678/unmute', { status: 404 })
  })
})

describe('GET /api/v1/mutes', () => {
  it('lists active mutes newest first, with Link paging', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    for (const name of ['ben', 'cy', 'dee']) await act(app, ann, mute((await given.account(name)).account.id))
    const res = await app.inject({ url: '/api/v1/mutes?limit=2', headers: ann.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(
      res.json().map((a: { username: string }) => a.username),
      ['dee', 'cy'],
    )
    const prev = new URL(String(res.headers.link).match(/<([^>]+)>; rel="prev"/)![1]!)
    assert.deepEqual((await app.inject({ url: prev.pathname + prev.search, headers: ann.auth })).json(), [])
    const noScope = await given.account('noscope', { scopes: 'read:blocks' })
    assert.equal((await app.inject({ url: '/api/v1/mutes', headers: noScope.auth })).statusCode, 403)
  })
})
