import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { anonymousWeb, buildTestApp, countRows, PASSWORD } from '../../../helpers.ts'

describe('GET /api/kith/v1/site', () => {
  it('says setup is required on a new site, and issues a CSRF cookie', async (t) => {
    const { app } = await buildTestApp(t, { setup: false })
    const res = await app.inject({ url: '/api/kith/v1/site' })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().setup_required, true)
    assert.match(String(res.headers['set-cookie']), /kith_csrf=/)
  })
})

describe('POST /api/kith/v1/setup', () => {
  const body = {
    site_name: 'Elm Park',
    description: 'Our street',
    registration_mode: 'approval',
    username: 'admin',
    email: 'ana@example.com',
    password: PASSWORD,
  }

  it('creates the owner, signs them in, and closes the wizard for good', async (t) => {
    const { app } = await buildTestApp(t, { setup: false })
    const res = await app.inject({ method: 'POST', url: '/api/kith/v1/setup', headers: anonymousWeb, payload: body })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().user.role, 'owner')
    assert.match(String(res.headers['set-cookie']), /kith_session=.*HttpOnly.*SameSite=Lax/)
    const site = (await app.inject({ url: '/api/kith/v1/site' })).json()
    assert.equal(site.setup_required, false)
    assert.equal(site.name, 'Elm Park')
    assert.equal(site.registration_mode, 'approval')
    const again = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/setup',
      headers: anonymousWeb,
      payload: { ...body, username: 'other', email: 'o@example.com' },
    })
    assert.equal(again.statusCode, 409)
  })

  it('refuses a weak password, a bad mode or a missing CSRF token, and changes nothing', async (t) => {
    const { app, ctx } = await buildTestApp(t, { setup: false })
    const before = await countRows(ctx)
    const weak = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/setup',
      headers: anonymousWeb,
      payload: { ...body, password: 'password1' },
    })
    assert.equal(weak.statusCode, 422)
    assert.ok(weak.json().details.password)
    const mode = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/setup',
      headers: anonymousWeb,
      payload: { ...body, registration_mode: 'everyone' },
    })
    assert.equal(mode.statusCode, 400)
    const csrf = await app.inject({ method: 'POST', url: '/api/kith/v1/setup', payload: body })
    assert.equal(csrf.statusCode, 403)
    assert.equal(csrf.json().error_code, 'csrf')
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/setup',
      headers: { ...anonymousWeb, 'content-type': 'application/json' },
      payload: '{"site_name": ',
    })
    assert.equal(malformed.statusCode, 400)
    assert.deepEqual(await countRows(ctx), before)
    assert.equal((await app.inject({ url: '/api/kith/v1/site' })).json().setup_required, true)
  })
})
