import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { Relationship } from '#shared/mastodon-entities.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { act, assertCountersConsistent, befriend, counts, relationship } from './graph-helpers.ts'

const follow = (id: string) => `/api/v1/accounts/${id}/follow`
const unfollow = (id: string) => `/api/v1/accounts/${id}/unfollow`

describe('POST /api/v1/accounts/:id/follow', () => {
  it('follows at once, counts it, and following again only updates the options', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const res = await app.inject({ method: 'POST', url: follow(ben.account.id), headers: ann.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(Value.Check(Relationship, res.json()))
    assert.deepEqual(
      [res.json().following, res.json().showing_reblogs, res.json().notifying, res.json().friends],
      [true, true, false, false],
    )
    assert.equal((await relationship(app, ben, ann)).followed_by, true)
    assert.deepEqual(await counts(app, ann), [0, 1, 0])
    assert.deepEqual(await counts(app, ben), [1, 0, 0])
    const again = await act(app, ann, follow(ben.account.id), { payload: { reblogs: false, notify: true } })
    assert.deepEqual([again.following, again.showing_reblogs, again.notifying], [true, false, true])
    assert.deepEqual(await counts(app, ben), [1, 0, 0], 'still one follower')
    await assertCountersConsistent(ctx)
  })

  it('asks a locked account, which authorises or rejects (see follow_requests)', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ben, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    const rel = await act(app, ann, follow(ben.account.id))
    assert.deepEqual([rel.following, rel.requested], [false, true])
    assert.equal((await act(app, ann, follow(ben.account.id))).requested, true, 'idempotent')
    assert.equal((await relationship(app, ben, ann)).requested_by, true)
    assert.deepEqual(await counts(app, ben), [0, 0, 0])
    await assertCountersConsistent(ctx)
  })

  it('lets a friend refollow a locked friend without asking', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await befriend(app, ann, ben)
    await act(app, ben, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    const off = await act(app, ann, unfollow(ben.account.id))
    assert.deepEqual([off.following, off.friends], [false, true], 'unfollowing keeps the friendship')
    assert.equal((await act(app, ann, follow(ben.account.id))).following, true)
  })

  it('refuses yourself (422), unknown ids (404), blockers (404) and people you block (403)', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    const self = await app.inject({ method: 'POST', url: follow(ann.account.id), headers: ann.auth })
    assert.equal(self.statusCode, 422)
    assert.equal(self.json().error, 'You cannot follow yourself')
    await act(app, ann, follow('123456789012345678'), { status: 404 })
    await act(app, ann, follow('nope'), { status: 404 })
    await act(app, ben, `/api/v1/accounts/${ann.account.id}/block`)
    await act(app, ann, follow(ben.account.id), { status: 404 })
    await act(app, ann, `/api/v1/accounts/${cy.account.id}/block`)
    const blocking = await app.inject({ method: 'POST', url: follow(cy.account.id), headers: ann.auth })
    assert.equal(blocking.statusCode, 403)
    assert.match(blocking.json().error, /Unblock/)
  })

  it('needs write:follows (or the legacy follow scope)', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann', { scopes: 'read' })
    const legacy = await given.account('legacy', { scopes: 'follow' })
    const ben = await given.account('ben')
    assert.equal((await app.inject({ method: 'POST', url: follow(ben.account.id), headers: ann.auth })).statusCode, 403)
    assert.equal((await app.inject({ method: 'POST', url: follow(ben.account.id) })).statusCode, 401)
    assert.equal((await act(app, legacy, follow(ben.account.id))).following, true)
  })
})

describe('POST /api/v1/accounts/:id/unfollow', () => {
  it('unfollows and withdraws a pending request, harmlessly when there is nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    await act(app, ann, follow(ben.account.id))
    const rel = await act(app, ann, unfollow(ben.account.id))
    assert.equal(rel.following, false)
    assert.deepEqual(await counts(app, ben), [0, 0, 0])
    await act(app, ann, unfollow(ben.account.id))
    await act(app, cy, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    await act(app, ann, follow(cy.account.id))
    assert.equal((await act(app, ann, unfollow(cy.account.id))).requested, false)
    assert.equal((await relationship(app, cy, ann)).requested_by, false)
    await act(app, ann, unfollow('123456789012345678'), { status: 404 })
    await assertCountersConsistent(ctx)
  })
})

describe('GET /api/v1/follow_requests', () => {
  it('lists who asked to follow, newest first, with Link paging', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ben = await given.account('ben')
    await act(app, ben, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    for (const name of ['ann', 'cy', 'dee']) await act(app, await given.account(name), follow(ben.account.id))
    const res = await app.inject({ url: '/api/v1/follow_requests?limit=2', headers: ben.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(
      res.json().map((a: { username: string }) => a.username),
      ['dee', 'cy'],
    )
    const next = new URL(String(res.headers.link).match(/<([^>]+)>; rel="next"/)![1]!)
    const rest = await app.inject({ url: next.pathname + next.search, headers: ben.auth })
    assert.deepEqual(
      rest.json().map((a: { username: string }) => a.username),
      ['ann'],
    )
    const me = await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: ben.auth })
    assert.equal(me.json().source.follow_requests_count, 3)
    const reader = await given.account('reader', { scopes: 'write' })
    assert.equal((await app.inject({ url: '/api/v1/follow_requests', headers: reader.auth })).statusCode, 403)
  })
})

describe('POST /api/v1/follow_requests/:id/authorize', () => {
  it('turns the request into a follow, with counters, and may be repeated', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ben, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    await act(app, ann, follow(ben.account.id), { payload: { reblogs: false } })
    const rel = await act(app, ben, `/api/v1/follow_requests/${ann.account.id}/authorize`)
    assert.deepEqual([rel.followed_by, rel.requested_by], [true, false])
    const annSide = await relationship(app, ann, ben)
    assert.deepEqual([annSide.following, annSide.requested, annSide.showing_reblogs], [true, false, false])
    assert.deepEqual(await counts(app, ben), [1, 0, 0])
    await act(app, ben, `/api/v1/follow_requests/${ann.account.id}/authorize`)
    assert.deepEqual(await counts(app, ben), [1, 0, 0])
    const cy = await given.account('cy')
    await act(app, ben, `/api/v1/follow_requests/${cy.account.id}/authorize`, { status: 404 })
    await act(app, ben, '/api/v1/follow_requests/123456789012345678/authorize', { status: 404 })
    await assertCountersConsistent(ctx)
  })
})

describe('POST /api/v1/follow_requests/:id/reject', () => {
  it('drops the request; the requester is not following', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ben, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    await act(app, ann, follow(ben.account.id))
    const rel = await act(app, ben, `/api/v1/follow_requests/${ann.account.id}/reject`)
    assert.deepEqual([rel.followed_by, rel.requested_by], [false, false])
    assert.deepEqual(
      [(await relationship(app, ann, ben)).requested, (await relationship(app, ann, ben)).following],
      [false, false],
    )
    await act(app, ben, `/api/v1/follow_requests/${ann.account.id}/reject`)
    assert.deepEqual((await app.inject({ url: '/api/v1/follow_requests', headers: ben.auth })).json(), [])
    await assertCountersConsistent(ctx)
  })
})
