import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { anonymousWeb, buildTestApp, countRows, lastMailToken, PASSWORD } from '../../../helpers.ts'

describe('PATCH /api/kith/v1/settings/profile', () => {
  it('changes display name and language, refusing unknown languages and app tokens', async (t) => {
    const { app, given } = await buildTestApp(t)
    const fay = await given.account('fay')
    const patch = (payload: object, headers = fay.web) =>
      app.inject({ method: 'PATCH', url: '/api/kith/v1/settings/profile', headers, payload })
    const ok = await patch({ display_name: '  Fay \u202eLee ', locale: 'ar' })
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().user.display_name, 'Fay Lee')
    assert.equal(ok.json().user.locale, 'ar')
    assert.equal((await patch({ locale: 'xx' })).statusCode, 422)
    assert.equal((await patch({ display_name: 'x'.repeat(101) })).statusCode, 400)
    assert.equal((await patch({ locale: 'en' }, fay.auth)).statusCode, 401, 'not for app tokens')
    assert.equal((await patch({ locale: 'en' }, { cookie: fay.web.cookie! })).statusCode, 403, 'CSRF')
    assert.equal((await patch({ locale: 'en' }, anonymousWeb)).statusCode, 401)
  })
})

describe('POST /api/kith/v1/settings/password', () => {
  it('needs the current password and ends the other sessions', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const gus = await given.account('gus')
    const other = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_in',
      headers: anonymousWeb,
      payload: { login: 'gus', password: PASSWORD },
    })
    const otherCookie = String(other.headers['set-cookie']).match(/kith_session=[^;]+/)![0]
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/kith/v1/settings/password', headers: gus.web, payload })
    const before = await countRows(ctx)
    assert.equal(
      (await post({ current_password: 'nope nope nope', password: 'blue kettles sing at dawn' })).statusCode,
      422,
    )
    assert.equal((await post({ current_password: PASSWORD, password: 'abc' })).statusCode, 422)
    assert.deepEqual(await countRows(ctx), before)
    assert.equal((await post({ current_password: PASSWORD, password: 'blue kettles sing at dawn' })).statusCode, 200)
    assert.equal((await app.inject({ url: '/api/kith/v1/session', headers: gus.web })).json().user.username, 'gus')
    assert.equal(
      (await app.inject({ url: '/api/kith/v1/session', headers: { cookie: otherCookie } })).json().user,
      null,
    )
  })
})

describe('POST /api/kith/v1/settings/email', () => {
  it('switches address only after the new one is confirmed', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const hal = await given.account('hal')
    await given.account('ivy')
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/kith/v1/settings/email', headers: hal.web, payload })
    assert.equal((await post({ current_password: PASSWORD, email: 'IVY@example.com' })).statusCode, 422)
    assert.equal((await post({ current_password: 'wrong password!', email: 'hal2@example.com' })).statusCode, 422)
    assert.equal((await post({ current_password: PASSWORD, email: 'hal2@example.com' })).statusCode, 200)
    const session = () => app.inject({ url: '/api/kith/v1/session', headers: hal.web })
    assert.equal((await session()).json().user.email, 'hal@example.com')
    const token = await lastMailToken(ctx, 'hal2@example.com')
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/confirm',
      headers: anonymousWeb,
      payload: { token },
    })
    assert.equal(confirm.statusCode, 200)
    assert.equal((await session()).json().user.email, 'hal2@example.com')
  })
})

describe('GET/DELETE /api/kith/v1/settings/sessions', () => {
  it('lists live sessions, marks the current one, and revokes another person’s never', async (t) => {
    const { app, given } = await buildTestApp(t)
    const jo = await given.account('jo')
    const kim = await given.account('kim')
    const list = await app.inject({ url: '/api/kith/v1/settings/sessions', headers: jo.web })
    assert.equal(list.statusCode, 200)
    assert.equal(list.json().length, 1)
    assert.equal(list.json()[0].current, true)
    const kimSessions = (await app.inject({ url: '/api/kith/v1/settings/sessions', headers: kim.web })).json()
    const steal = await app.inject({
      method: 'DELETE',
      url: `/api/kith/v1/settings/sessions/${kimSessions[0].id}`,
      headers: jo.web,
    })
    assert.equal(steal.statusCode, 404)
    assert.equal((await app.inject({ url: '/api/kith/v1/session', headers: kim.web })).json().user.username, 'kim')
    const own = await app.inject({
      method: 'DELETE',
      url: `/api/kith/v1/settings/sessions/${list.json()[0].id}`,
      headers: jo.web,
    })
    assert.equal(own.statusCode, 200)
    assert.equal((await app.inject({ url: '/api/kith/v1/session', headers: jo.web })).json().user, null)
    const bad = await app.inject({
      method: 'DELETE',
      url: '/api/kith/v1/settings/sessions/..%2f..%2fetc',
      headers: kim.web,
    })
    assert.equal(bad.statusCode, 400)
  })
})
