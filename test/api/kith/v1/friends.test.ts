import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { Friend, FriendRequest, FriendSuggestion } from '#shared/mastodon-entities.ts'
import { anonymousWeb, buildTestApp } from '../../../helpers.ts'
import {
  act,
  assertCountersConsistent,
  befriend,
  counts,
  relationship,
} from '../../mastodon/v1/accounts/graph-helpers.ts'

const request = (id: string) => `/api/kith/v1/accounts/${id}/friend_request`

describe('POST /api/kith/v1/accounts/:id/friend_request', () => {
  it('sends a request once, however often it is sent, and counts nothing until accepted', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const first = await act(app, ann, request(ben.account.id))
    assert.equal(first.friend_request_sent, true)
    assert.equal(first.friends, false)
    const again = await act(app, ann, request(ben.account.id))
    assert.deepEqual(again, first, 'idempotent')
    assert.equal((await relationship(app, ben, ann)).friend_request_received, true)
    assert.deepEqual(await counts(app, ann), [0, 0, 0])
    assert.deepEqual(await counts(app, ben), [0, 0, 0])
    await assertCountersConsistent(ctx)
  })

  it('makes friends at once when both ask (crossing requests), with follows both ways', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ann, request(ben.account.id))
    const rel = await act(app, ben, request(ann.account.id))
    assert.equal(rel.friends, true)
    assert.equal(rel.following, true)
    assert.equal(rel.followed_by, true)
    assert.equal(rel.friend_request_sent, false)
    assert.equal(rel.friend_request_received, false)
    assert.deepEqual(await counts(app, ann), [1, 1, 1])
    assert.deepEqual(await counts(app, ben), [1, 1, 1])
    // Sending again to a friend changes nothing.
    assert.equal((await act(app, ann, request(ben.account.id))).friends, true)
    await assertCountersConsistent(ctx)
  })

  it('refuses yourself (422), unknown ids (404), and people who refuse requests (403, clear message)', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    const dee = await given.account('dee')
    await act(app, ann, request(ann.account.id), { status: 422 })
    await act(app, ann, request('123456789012345678'), { status: 404 })
    await act(app, ann, request('not-an-id'), { status: 404 })

    await act(app, ben, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { friend_requests_from: 'nobody' },
    })
    const closed = await app.inject({ method: 'POST', url: request(ben.account.id), headers: ann.auth })
    assert.equal(closed.statusCode, 403)
    assert.equal(closed.json().error, '@ben is not accepting friend requests')
    assert.equal(closed.json().error_code, 'friend_requests_closed')

    // friends_of_friends: only with a friend in common.
    await act(app, cy, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { friend_requests_from: 'friends_of_friends' },
    })
    const stranger = await app.inject({ method: 'POST', url: request(cy.account.id), headers: ann.auth })
    assert.equal(stranger.statusCode, 403)
    assert.match(stranger.json().error, /only from friends of their friends/)
    await befriend(app, ann, dee)
    await befriend(app, cy, dee)
    assert.equal((await act(app, ann, request(cy.account.id))).friend_request_sent, true)

    // Their own request crosses yours, whatever their setting.
    await act(app, ben, request(ann.account.id))
    assert.equal((await act(app, ann, request(ben.account.id))).friends, true)
  })

  it('is 404 when the target blocks you, and 403 while you block them', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ben, `/api/v1/accounts/${ann.account.id}/block`)
    await act(app, ann, request(ben.account.id), { status: 404 })
    const blocking = await app.inject({ method: 'POST', url: request(ann.account.id), headers: ben.auth })
    assert.equal(blocking.statusCode, 403)
    assert.match(blocking.json().error, /Unblock/)
  })

  it('works with the web session (CSRF checked) and needs write:follows on tokens', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const reader = await given.account('reader', { scopes: 'read' })
    const web = await app.inject({ method: 'POST', url: request(ben.account.id), headers: ann.web })
    assert.equal(web.statusCode, 200, web.body)
    const noCsrf = await app.inject({
      method: 'POST',
      url: request(ben.account.id),
      headers: { cookie: ann.web.cookie! },
    })
    assert.equal(noCsrf.statusCode, 403)
    const anon = await app.inject({ method: 'POST', url: request(ben.account.id), headers: anonymousWeb })
    assert.equal(anon.statusCode, 401)
    const scoped = await app.inject({ method: 'POST', url: request(ben.account.id), headers: reader.auth })
    assert.equal(scoped.statusCode, 403)
  })
})

describe('DELETE /api/kith/v1/accounts/:id/friend_request', () => {
  it('cancels a sent request, harmlessly when there is none', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ann, request(ben.account.id))
    const rel = await act(app, ann, request(ben.account.id), { method: 'DELETE' })
    assert.equal(rel.friend_request_sent, false)
    assert.equal((await relationship(app, ben, ann)).friend_request_received, false)
    await act(app, ann, request(ben.account.id), { method: 'DELETE' })
    await act(app, ann, request('123456789012345678'), { method: 'DELETE', status: 404 })
  })
})

describe('POST /api/kith/v1/friend_requests/:id/accept', () => {
  it('makes friends who follow each other, updates every counter, and is idempotent', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    // ben is locked and ann had asked to follow: friendship settles that request too.
    await act(app, ben, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    assert.equal((await act(app, ann, `/api/v1/accounts/${ben.account.id}/follow`)).requested, true)
    await act(app, ann, request(ben.account.id))
    const rel = await act(app, ben, `/api/kith/v1/friend_requests/${ann.account.id}/accept`)
    assert.deepEqual(
      [rel.friends, rel.following, rel.followed_by, rel.requested_by, rel.friend_request_received],
      [true, true, true, false, false],
    )
    assert.deepEqual(await counts(app, ann), [1, 1, 1])
    assert.deepEqual(await counts(app, ben), [1, 1, 1])
    await act(app, ben, `/api/kith/v1/friend_requests/${ann.account.id}/accept`)
    assert.deepEqual(await counts(app, ben), [1, 1, 1], 'accepting again changes nothing')
    await assertCountersConsistent(ctx)
  })

  it('is 404 without a pending request', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const res = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/friend_requests/${ann.account.id}/accept`,
      headers: ben.auth,
    })
    assert.equal(res.statusCode, 404)
    assert.equal(res.json().error, 'There is no friend request from this account')
    await act(app, ben, '/api/kith/v1/friend_requests/123456789012345678/accept', { status: 404 })
  })
})

describe('POST /api/kith/v1/friend_requests/:id/decline', () => {
  it('removes the request without telling anyone, and may be repeated', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ann, request(ben.account.id))
    const rel = await act(app, ben, `/api/kith/v1/friend_requests/${ann.account.id}/decline`)
    assert.equal(rel.friend_request_received, false)
    assert.equal(rel.friends, false)
    assert.equal((await relationship(app, ann, ben)).friend_request_sent, false)
    await act(app, ben, `/api/kith/v1/friend_requests/${ann.account.id}/decline`)
    assert.deepEqual(await counts(app, ben), [0, 0, 0])
    await assertCountersConsistent(ctx)
  })
})

describe('DELETE /api/kith/v1/friends/:id', () => {
  it('unfriends: both follows go, every counter drops, and doing it again is harmless', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await befriend(app, ann, ben)
    const rel = await act(app, ann, `/api/kith/v1/friends/${ben.account.id}`, { method: 'DELETE' })
    assert.deepEqual([rel.friends, rel.following, rel.followed_by], [false, false, false])
    assert.deepEqual(await counts(app, ann), [0, 0, 0])
    assert.deepEqual(await counts(app, ben), [0, 0, 0])
    await act(app, ann, `/api/kith/v1/friends/${ben.account.id}`, { method: 'DELETE' })
    await act(app, ann, '/api/kith/v1/friends/123456789012345678', { method: 'DELETE', status: 404 })
    await assertCountersConsistent(ctx)
  })
})

describe('GET /api/kith/v1/friends', () => {
  it('lists one’s friends newest first, with mutual friends, a name filter and Link paging', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    const dee = await given.account('dee')
    await befriend(app, ann, ben)
    await befriend(app, ann, cy)
    await befriend(app, ann, dee)
    await befriend(app, ben, cy)
    const res = await app.inject({ url: '/api/kith/v1/friends', headers: ann.web })
    assert.equal(res.statusCode, 200, res.body)
    const list = res.json()
    assert.ok(Value.Check(Type.Array(Friend), list))
    assert.deepEqual(
      list.map((f: Friend) => [f.account.username, f.mutual_friends_count]),
      [
        ['dee', 0],
        ['cy', 1],
        ['ben', 1],
      ],
    )
    const page1 = await app.inject({ url: '/api/kith/v1/friends?limit=2', headers: ann.auth })
    assert.deepEqual(
      page1.json().map((f: Friend) => f.account.username),
      ['dee', 'cy'],
    )
    const next = String(page1.headers.link).match(/<([^>]+)>; rel="next"/)![1]!
    assert.match(next, /limit=2/)
    const page2 = await app.inject({ url: new URL(next).pathname + new URL(next).search, headers: ann.auth })
    assert.deepEqual(
      page2.json().map((f: Friend) => f.account.username),
      ['ben'],
    )
    const prev = String(page2.headers.link).match(/<([^>]+)>; rel="prev"/)![1]!
    const back = await app.inject({ url: new URL(prev).pathname + new URL(prev).search, headers: ann.auth })
    assert.deepEqual(
      back.json().map((f: Friend) => f.account.username),
      ['dee', 'cy'],
    )
    const search = await app.inject({ url: '/api/kith/v1/friends?q=E', headers: ann.auth })
    assert.deepEqual(
      search.json().map((f: Friend) => f.account.username),
      ['dee', 'ben'],
    )
  })

  it('shows someone else’s list as their friends_visibility allows', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    await befriend(app, ann, ben)
    const list = (viewer: Record<string, string> | null) =>
      app.inject({ url: `/api/kith/v1/friends?account_id=${ann.account.id}`, headers: viewer ?? {} })
    assert.equal((await list(null)).statusCode, 200, 'public by default, even signed out')
    assert.equal((await list(cy.auth)).json().length, 1)
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { friends_visibility: 'friends' },
    })
    const hidden = await list(cy.auth)
    assert.equal(hidden.statusCode, 403)
    assert.equal(hidden.json().error, '@ann keeps their friends list private')
    assert.equal((await list(null)).statusCode, 403)
    assert.equal((await list(ben.auth)).statusCode, 200, 'a friend sees it')
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { friends_visibility: 'only_me' },
    })
    assert.equal((await list(ben.auth)).statusCode, 403)
    assert.equal((await list(ann.auth)).statusCode, 200, 'the owner always sees it')
    assert.equal((await app.inject({ url: '/api/kith/v1/friends' })).statusCode, 401, 'whose list?')
  })

  it('hides members-only profiles from signed-out visitors and people in a block', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    await befriend(app, ann, ben)
    await befriend(app, ann, cy)
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { profile_visibility: 'members' },
    })
    assert.equal((await app.inject({ url: `/api/kith/v1/friends?account_id=${ann.account.id}` })).statusCode, 404)
    await act(app, ann, `/api/v1/accounts/${cy.account.id}/block`)
    const blocked = await app.inject({ url: `/api/kith/v1/friends?account_id=${ann.account.id}`, headers: cy.auth })
    assert.equal(blocked.statusCode, 404)
  })
})

describe('GET /api/kith/v1/friend_requests', () => {
  it('lists incoming (default) and outgoing requests with mutual friends', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    await befriend(app, ann, cy)
    await befriend(app, ben, cy)
    await act(app, ben, request(ann.account.id))
    await act(app, ann, request(given.owner().account.id))
    const incoming = await app.inject({ url: '/api/kith/v1/friend_requests', headers: ann.auth })
    assert.equal(incoming.statusCode, 200, incoming.body)
    assert.ok(Value.Check(Type.Array(FriendRequest), incoming.json()))
    assert.deepEqual(
      incoming.json().map((r: FriendRequest) => [r.account.username, r.mutual_friends_count]),
      [['ben', 1]],
    )
    const outgoing = await app.inject({ url: '/api/kith/v1/friend_requests?direction=outgoing', headers: ann.web })
    assert.deepEqual(
      outgoing.json().map((r: FriendRequest) => r.account.username),
      ['owner'],
    )
    assert.equal(
      (await app.inject({ url: '/api/kith/v1/friend_requests?direction=sideways', headers: ann.auth })).statusCode,
      400,
    )
    const me = await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: ann.auth })
    assert.equal(me.json().source.friend_requests_count, 1)
  })
})

describe('GET /api/kith/v1/suggestions', () => {
  it('ranks friends of friends by mutual friends and leaves out whom it should', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const me = await given.account('me')
    const [f1, f2, f3] = [await given.account('f1'), await given.account('f2'), await given.account('f3')]
    const names = ['two', 'one', 'hidden', 'blocker', 'muted', 'asked', 'dismissed', 'closed', 'behind']
    const p: Record<string, Awaited<ReturnType<typeof given.account>>> = {}
    for (const n of names) p[n] = await given.account(n)
    for (const f of [f1, f2, f3]) await befriend(app, me, f)
    // two: two mutual friends; one: one; everyone else one each but excluded for a reason.
    await befriend(app, f1, p.two!)
    await befriend(app, f2, p.two!)
    await befriend(app, f1, p.one!)
    for (const n of names.slice(2)) await befriend(app, f1, p[n]!)
    await act(app, p.hidden!, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { discoverable: false },
    })
    await act(app, p.blocker!, `/api/v1/accounts/${me.account.id}/block`)
    await act(app, me, `/api/v1/accounts/${p.muted!.account.id}/mute`)
    await act(app, p.asked!, request(me.account.id))
    await act(app, me, `/api/kith/v1/suggestions/${p.dismissed!.account.id}`, { method: 'DELETE' })
    await act(app, p.closed!, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { friend_requests_from: 'nobody' },
    })
    // f3 hides their friends list from everyone: not used to suggest anyone.
    await act(app, f3, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { friends_visibility: 'only_me' },
    })
    await befriend(app, f3, p.behind!)
    await act(app, f1, `/api/kith/v1/friends/${p.behind!.account.id}`, { method: 'DELETE' })

    const res = await app.inject({ url: '/api/kith/v1/suggestions', headers: me.web })
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(Value.Check(Type.Array(FriendSuggestion), res.json()))
    assert.deepEqual(
      res
        .json()
        .map((s: FriendSuggestion) => [
          s.account.username,
          s.mutual_friends_count,
          s.mutual_friends.map((m) => m.username).sort(),
        ]),
      [
        ['two', 2, ['f1', 'f2']],
        ['one', 1, ['f1']],
      ],
    )
    await act(app, me, '/api/kith/v1/suggestions/123456789012345678', { method: 'DELETE', status: 404 })
    await assertCountersConsistent(ctx)
  })
})
