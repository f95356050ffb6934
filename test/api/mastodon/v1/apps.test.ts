import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { Application, CredentialApplication } from '#shared/mastodon-entities.ts'
import { buildTestApp, countRows } from '../../../helpers.ts'
import { appToken, bearer, multipart, OOB, REDIRECT_URI, registerApp, userToken } from '../../oauth/oauth-helpers.ts'

describe('POST /api/v1/apps', () => {
  it('registers an app from JSON with several redirect URIs and returns its credentials', async (t) => {
    const { app } = await buildTestApp(t)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/apps',
      payload: {
        client_name: 'Tooter',
        redirect_uris: [REDIRECT_URI, 'tooter://oauth'],
        scopes: 'read write:statuses profile',
        website: 'https://tooter.example',
      },
    })
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.ok(Value.Check(CredentialApplication, body))
    assert.equal(body.name, 'Tooter')
    assert.equal(body.website, 'https://tooter.example')
    assert.deepEqual(body.scopes, ['read', 'write:statuses', 'profile'])
    assert.deepEqual(body.redirect_uris, [REDIRECT_URI, 'tooter://oauth'])
    assert.equal(body.redirect_uri, `${REDIRECT_URI}\ntooter://oauth`)
    assert.ok(body.client_id.length >= 32 && body.client_secret.length >= 32)
    assert.notEqual(body.client_id, body.client_secret)
    assert.equal(body.client_secret_expires_at, 0)
  })

  it('takes form data with newline-separated URIs, out-of-band, and defaults scopes to read', async (t) => {
    const { app } = await buildTestApp(t)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/apps',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ client_name: 'Form app', redirect_uris: `${OOB}\n${REDIRECT_URI}` }).toString(),
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json().redirect_uris, [OOB, REDIRECT_URI])
    assert.deepEqual(res.json().scopes, ['read'])
    assert.equal(res.json().website, null)
  })

  it('takes multipart form data, as curl -F sends it', async (t) => {
    const { app } = await buildTestApp(t)
    const form = await multipart({ client_name: 'Curl', redirect_uris: OOB, scopes: 'read write' })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/apps',
      headers: { 'content-type': form.contentType },
      payload: form.body,
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json().scopes, ['read', 'write'])
  })

  it('refuses bad input with a clear error and registers nothing', async (t) => {
    const { app, ctx } = await buildTestApp(t)
    const before = await countRows(ctx)
    const ok = { client_name: 'Tooter', redirect_uris: REDIRECT_URI }
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ ...ok, redirect_uris: 'javascript:alert(1)' }, 422, /javascript/],
      [{ ...ok, redirect_uris: 'data:text/html,hi' }, 422, /data:/],
      [{ ...ok, redirect_uris: '/callback' }, 422, /absolute/],
      [{ ...ok, redirect_uris: 'https://app.example/cb#frag' }, 422, /fragment/],
      [{ ...ok, redirect_uris: 'https://app.example/a b' }, 422, /spaces/],
      [{ ...ok, redirect_uris: '' }, 422, /blank/],
      [{ ...ok, redirect_uris: Array.from({ length: 11 }, (_, i) => `https://a.example/${i}`) }, 422, /At most/],
      [{ ...ok, redirect_uris: `https://a.example/${'x'.repeat(2000)}` }, 422, /at most 2000/],
      [{ ...ok, scopes: 'read delete:everything' }, 422, /unknown scopes: delete:everything/],
      [{ ...ok, scopes: 'admin' }, 422, /unknown scopes: admin/],
      [{ ...ok, client_name: '  ' }, 422, /blank/],
      [{ ...ok, client_name: 'x'.repeat(61) }, 422, /at most 60/],
      [{ ...ok, website: 'ftp://files.example' }, 422, /Website/],
      [{ ...ok, client_name: 'x'.repeat(201) }, 400, /client_name/],
      [{ ...ok, redirect_uris: { a: 1 } }, 400, /redirect_uris/],
      [{ redirect_uris: REDIRECT_URI }, 400, /client_name/],
    ]
    for (const [payload, status, message] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/apps', payload })
      assert.equal(res.statusCode, status, `${JSON.stringify(payload).slice(0, 80)}: ${res.body}`)
      assert.match(res.json().error, message)
    }
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/apps',
      headers: { 'content-type': 'application/json' },
      payload: '{"client_name": ',
    })
    assert.equal(malformed.statusCode, 400)
    assert.equal(typeof malformed.json().error, 'string')
    assert.deepEqual(await countRows(ctx), before)
  })

  it('is rate limited', async (t) => {
    const { app } = await buildTestApp(t)
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/apps', payload: { redirect_uris: OOB } })
      statuses.push(res.statusCode)
    }
    assert.equal(statuses.at(-2), 400)
    assert.equal(statuses.at(-1), 429)
  })
})

describe('GET /api/v1/apps/verify_credentials', () => {
  it('describes the app behind an app token or a user token, without its secrets', async (t) => {
    const { app, given } = await buildTestApp(t)
    const client = await registerApp(app)
    const alice = await given.account('alice')
    for (const token of [await appToken(app, client), (await userToken(app, alice.web, client)).access_token]) {
      const res = await app.inject({ url: '/api/v1/apps/verify_credentials', headers: bearer(token) })
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      assert.ok(Value.Check(Application, body))
      assert.equal(body.name, 'Tooter')
      assert.ok(!('client_id' in body))
      assert.ok(!('client_secret' in body))
      assert.deepEqual(body.scopes, ['read', 'write', 'push'])
    }
  })

  it('refuses a missing, unknown or revoked token, and a token issued to no app', async (t) => {
    const { app, given } = await buildTestApp(t)
    const client = await registerApp(app)
    const token = await appToken(app, client)
    assert.equal((await app.inject({ url: '/api/v1/apps/verify_credentials' })).statusCode, 401)
    const unknown = await app.inject({ url: '/api/v1/apps/verify_credentials', headers: bearer('nope') })
    assert.equal(unknown.statusCode, 401)
    assert.equal(unknown.json().error, 'The access token is invalid')
    const revoke = await app.inject({
      method: 'POST',
      url: '/oauth/revoke',
      payload: { client_id: client.client_id, client_secret: client.client_secret, token },
    })
    assert.equal(revoke.statusCode, 200)
    assert.equal((await app.inject({ url: '/api/v1/apps/verify_credentials', headers: bearer(token) })).statusCode, 401)
    const alice = await given.account('alice') // the helper's token belongs to no app
    assert.equal((await app.inject({ url: '/api/v1/apps/verify_credentials', headers: alice.auth })).statusCode, 401)
  })
})
