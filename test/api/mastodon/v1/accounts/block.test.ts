import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildTestApp, countRows } from '../../../../helpers.ts'
import { act, assertCountersConsistent, befriend, counts, relationship } from './graph-helpers.ts'

const block = (id: string) => `/api/v1/accounts/${id}/block`

describe('POST /api/v1/accounts/:id/block', () => {
  it('removes friendship, follows and every pending request, both ways, with counters', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    const dee = await given.account('dee')
    await befriend(app, ann, ben)
    // Pending requests both ways between ann and cy; a follow request from dee to locked ann.
    await act(app, ann, `/api/kith/v1/accounts/${cy.account.id}/friend_request`)
    await act(app, cy, `/api/v1/accounts/${ann.account.id}/follow`)
    await act(app, ann, '/api/v1/accounts/update_credentials', { method: 'PATCH', payload: { locked: true } })
    await act(app, dee, `/api/v1/accounts/${ann.account.id}/follow`)
    await act(app, ann, `/api/v1/accounts/${dee.account.id}/follow`)
    assert.deepEqual(await counts(app, ann), [2, 2, 1])

    const rel = await act(app, ben, block(ann.account.id))
    assert.deepEqual(
      [rel.blocking, rel.friends, rel.following, rel.followed_by, rel.blocked_by],
      [true, false, false, false, false],
    )
    assert.deepEqual(await counts(app, ann), [1, 1, 0])
    assert.deepEqual(await counts(app, ben), [0, 0, 0])
    assert.equal((await relationship(app, ann, ben)).blocked_by, true, 'relationships tell the truth')

    await act(app, ann, block(cy.account.id))
    await act(app, ann, block(dee.account.id))
    assert.deepEqual(await counts(app, ann), [0, 0, 0])
    assert.deepEqual(await countRows(ctx, ['follows', 'follow_requests', 'friend_requests', 'friendships']), {
      follows: 0,
      follow_requests: 0,
      friend_requests: 0,
      friendships: 0,
    })
    assert.deepEqual((await act(app, ben, block(ann.account.id))).blocking, true, 'idempotent')
    await assertCountersConsistent(ctx)
  })

  it('makes the blocker invisible to the blocked: profile, lookup and lists are 404', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await act(app, ann, block(ben.account.id))
    for (const url of [
      `/api/v1/accounts/${ann.account.id}`,
      '/api/v1/accounts/lookup?acct=ann',
      `/api/v1/accounts/${ann.account.id}/followers`,
      `/api/v1/accounts/${ann.account.id}/following`,
      `/api/kith/v1/friends?account_id=${ann.account.id}`,
    ]) {
      assert.equal((await app.inject({ url, headers: ben.auth })).statusCode, 404, url)
    }
    // The blocker can still open the blocked profile, to unblock it.
    assert.equal((await app.inject({ url: `/api/v1/accounts/${ben.account.id}`, headers: ann.auth })).statusCode, 200)
  })

  it('hides each from lists about third people', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    await befriend(app, cy, ann)
    await befriend(app, cy, ben)
    await act(app, ann, block(ben.account.id))
    const names = async (url: string, who: typeof ann) =>
      (await app.inject({ url, headers: who.auth }))
        .json()
        .map((x: { username?: string; account?: { username: string } }) => x.username ?? x.account!.username)
    assert.deepEqual(await names(`/api/v1/accounts/${cy.account.id}/followers`, ben), ['ben'])
    assert.deepEqual(await names(`/api/v1/accounts/${cy.account.id}/following`, ann), ['ann'])
    assert.deepEqual(await names(`/api/kith/v1/friends?account_id=${cy.account.id}`, ben), ['ben'])
    assert.deepEqual(await names(`/api/kith/v1/friends?account_id=${cy.account.id}`, cy), ['ben', 'ann'])
  })

  it('refuses yourself (422) and unknown ids (404)', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    await act(app, ann, block(ann.account.id), { status: 422 })
    await act(app, ann, block('123456789012345678'), { status: 404 })
    const reader = await given.account('reader', { scopes: 'read write:follows' })
    assert.equal(
      (await app.inject({ method: 'POST', url: block(ann.account.id), headers: reader.auth })).statusCode,
      403,
    )
  })
})

describe('POST /api/v1/accounts/:id/unblock', () => {
  it('unblocks without restoring what the block removed', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await befriend(app, ann, ben)
    await act(app, ann, block(ben.account.id))
    const rel = await act(app, ann, `/api/v1/accounts/${ben.account.id}/unblock`)
    assert.deepEqual([rel.blocking, rel.friends, rel.following], [false, false, false])
    assert.equal((await app.inject({ url: `/api/v1/accounts/${ann.account.id}`, headers: ben.auth })).statusCode, 200)
    await act(app, ann, `/api/v1/accounts/${ben.account.id}/unblock`)
    await assertCountersConsistent(ctx)
  })
})

describe('GET /api/v1/blocks', () => {
  it('lists whom the viewer blocks, newest first, with Link paging', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    for (const name of ['ben', 'cy', 'dee']) await act(app, ann, block((await given.account(name)).account.id))
    const res = await app.inject({ url: '/api/v1/blocks?limit=2', headers: ann.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(
      res.json().map((a: { username: string }) => a.username),
      ['dee', 'cy'],
    )
    assert.match(String(res.headers.link), /rel="next"/)
    const next = new URL(String(res.headers.link).match(/<([^>]+)>; rel="next"/)![1]!)
    const rest = await app.inject({ url: next.pathname + next.search, headers: ann.auth })
    assert.deepEqual(
      rest.json().map((a: { username: string }) => a.username),
      ['ben'],
    )
    const since = await app.inject({
      url: `/api/v1/blocks?since_id=${next.searchParams.get('max_id')}`,
      headers: ann.auth,
    })
    assert.deepEqual(
      since.json().map((a: { username: string }) => a.username),
      ['dee'],
    )
    const noScope = await given.account('noscope', { scopes: 'read:accounts' })
    assert.equal((await app.inject({ url: '/api/v1/blocks', headers: noScope.auth })).statusCode, 403)
  })
})
