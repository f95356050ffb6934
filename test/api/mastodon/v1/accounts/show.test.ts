import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { updateAccount } from '#server/domain/accounts/accounts-store.ts'
import { Account } from '#shared/mastodon-entities.ts'
import { buildTestApp } from '../../../../helpers.ts'
import { act, befriend } from './graph-helpers.ts'

describe('GET /api/v1/accounts/:id', () => {
  it('shows a profile with counts, join date and Kith’s extras, to anyone', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await befriend(app, ann, ben)
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { note: 'Hi <b>there</b>', location: 'Leeds', website: 'https://ann.example' },
    })
    const res = await app.inject({ url: `/api/v1/accounts/${ann.account.id}` })
    assert.equal(res.statusCode, 200, res.body)
    const a = res.json()
    assert.ok(Value.Check(Account, a), [...Value.Errors(Account, a)].map((e) => e.message).join())
    assert.deepEqual(
      [a.username, a.acct, a.followers_count, a.following_count, a.friends_count, a.statuses_count],
      ['ann', 'ann', 1, 1, 1, 0],
    )
    assert.equal(a.note, '<p>Hi &#60;b&#62;there&#60;/b&#62;</p>')
    assert.match(a.created_at, /^\d{4}-\d\d-\d\dT00:00:00\.000Z$/)
    assert.deepEqual([a.location, a.website, a.birthday], ['Leeds', 'https://ann.example', null])
    assert.equal(a.avatar, 'http://kith.test/avatars/original/missing.png')
    assert.equal('source' in a, false, 'no private settings on a public profile')
  })

  it('shows the birthday as birthday_visibility allows', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    await befriend(app, ann, ben)
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { birthday: '1990-04-05' },
    })
    const birthday = async (who?: { auth: Record<string, string> }) =>
      (await app.inject({ url: `/api/v1/accounts/${ann.account.id}`, headers: who?.auth ?? {} })).json().birthday
    assert.deepEqual([await birthday(ben), await birthday(cy), await birthday()], ['1990-04-05', null, null])
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { birthday_visibility: 'public' },
    })
    assert.equal(await birthday(), '1990-04-05')
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { birthday_visibility: 'only_me' },
    })
    assert.deepEqual([await birthday(ben), await birthday(ann)], [null, '1990-04-05'])
  })

  it('is 404 for unknown and suspended accounts, members-only profiles signed out, and blockers', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    const cy = await given.account('cy')
    const get = (id: string, headers: Record<string, string> = {}) =>
      app.inject({ url: `/api/v1/accounts/${id}`, headers })
    assert.equal((await get('123456789012345678')).statusCode, 404)
    assert.equal((await get('x')).statusCode, 404)
    await act(app, ann, '/api/v1/accounts/update_credentials', {
      method: 'PATCH',
      payload: { profile_visibility: 'members' },
    })
    assert.equal((await get(ann.account.id)).statusCode, 404)
    assert.equal((await get(ann.account.id, ben.auth)).statusCode, 200)
    await act(app, ann, `/api/v1/accounts/${ben.account.id}/block`)
    const blocked = await get(ann.account.id, ben.auth)
    assert.equal(blocked.statusCode, 404)
    assert.equal(blocked.json().error, 'Record not found')
    await updateAccount(ctx.db, cy.account.id, { suspended_at: new Date().toISOString() })
    assert.equal((await get(cy.account.id, ann.auth)).statusCode, 404)
  })
})

describe('GET /api/v1/accounts/lookup', () => {
  it('finds local accounts by name or name@host, case-insensitively, and nothing else', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('Ann_Lee')
    const ben = await given.account('ben')
    const lookup = (acct: string, headers: Record<string, string> = {}) =>
      app.inject({ url: `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`, headers })
    for (const acct of ['Ann_Lee', 'ann_lee', '@ann_lee', 'ann_lee@kith.test']) {
      const res = await lookup(acct)
      assert.equal(res.statusCode, 200, `${acct}: ${res.body}`)
      assert.equal(res.json().id, ann.account.id)
    }
    for (const acct of ['ann_lee@elsewhere.example', 'annlee', 'nobody', 'a@b@c', '']) {
      assert.equal((await lookup(acct)).statusCode, 404, acct)
    }
    await act(app, ann, `/api/v1/accounts/${ben.account.id}/block`)
    assert.equal((await lookup('ann_lee', ben.auth)).statusCode, 404)
    assert.equal((await app.inject({ url: '/api/v1/accounts/lookup' })).statusCode, 400)
  })
})
