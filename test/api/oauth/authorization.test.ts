import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { CredentialAccount } from '#shared/mastodon-entities.ts'
import { anonymousWeb, buildTestApp, countRows } from '../../helpers.ts'
import { bearer, OOB, pkcePair, REDIRECT_URI, registerApp } from './oauth-helpers.ts'

const url = '/api/kith/v1/oauth/authorization'
const query = (params: Record<string, string>) => `${url}?${new URLSearchParams(params)}`

describe('OAuth authorization code flow with PKCE, end to end', () => {
  it('registers an app, gets consent in the web session, redeems the code and calls the API', async (t) => {
    const { app, given } = await buildTestApp(t)
    const alice = await given.account('alice')

    // 1. The app registers itself.
    const reg = await app.inject({
      method: 'POST',
      url: '/api/v1/apps',
      payload: { client_name: 'Tooter', redirect_uris: REDIRECT_URI, scopes: 'read write follow' },
    })
    assert.equal(reg.statusCode, 200, reg.body)
    const client = reg.json()

    // 2. It sends the browser to /oauth/authorize; the SPA there asks the Kith API about the request.
    const { verifier, challenge } = pkcePair()
    const request = {
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'read write:statuses',
      state: 'xyz-42',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }
    const info = await app.inject({ url: query(request), headers: alice.web })
    assert.equal(info.statusCode, 200, info.body)
    assert.deepEqual(info.json(), {
      app: { name: 'Tooter', website: null },
      scopes: ['read', 'write:statuses'],
      redirect_uri: REDIRECT_URI,
    })

    // 3. Alice approves; the browser goes back to the app with the code and the state.
    const { response_type: _, ...decision } = request
    const approved = await app.inject({
      method: 'POST',
      url,
      headers: alice.web,
      payload: { ...decision, approve: true },
    })
    assert.equal(approved.statusCode, 200, approved.body)
    const back = new URL(approved.json().redirect_to)
    assert.equal(`${back.origin}${back.pathname}`, REDIRECT_URI)
    assert.equal(back.searchParams.get('state'), 'xyz-42')
    const code = back.searchParams.get('code')
    assert.ok(code)

    // 4. The app redeems the code with its PKCE verifier, as a form post.
    const token = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: client.client_id,
        client_secret: client.client_secret,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      }).toString(),
    })
    assert.equal(token.statusCode, 200, token.body)
    assert.equal(token.json().scope, 'read write:statuses')

    // 5. The token works on the Mastodon API, for Alice.
    const verified = await app.inject({
      url: '/api/v1/accounts/verify_credentials',
      headers: bearer(token.json().access_token),
    })
    assert.equal(verified.statusCode, 200, verified.body)
    assert.ok(Value.Check(CredentialAccount, verified.json()))
    assert.equal(verified.json().id, alice.account.id)
    assert.equal(verified.json().acct, 'alice')
  })
})

describe('GET /api/kith/v1/oauth/authorization', () => {
  it('explains what is wrong with a bad request, with a 400', async (t) => {
    const { app, given } = await buildTestApp(t)
    const alice = await given.account('alice')
    const client = await registerApp(app, { scopes: 'read write' })
    const ok = { client_id: client.client_id, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'read' }
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ ...ok, client_id: 'unknown' }, 'invalid_request', /not registered/],
      [{ ...ok, redirect_uri: 'https://evil.example/cb' }, 'invalid_request', /redirect_uri/],
      [{ ...ok, response_type: 'token' }, 'unsupported_response_type', /response_type=code/],
      [{ ...ok, scope: 'read follow' }, 'invalid_scope', /more access/],
      [{ ...ok, scope: 'read sudo' }, 'invalid_scope', /invalid/],
      [{ ...ok, code_challenge: pkcePair().challenge, code_challenge_method: 'MD5' }, 'invalid_request', /S256/],
      [{ ...ok, code_challenge: 'short' }, 'invalid_request', /malformed/],
      [{ ...ok, code_challenge_method: 'S256' }, 'invalid_request', /without a code_challenge/],
    ]
    for (const [params, code, message] of cases) {
      const res = await app.inject({ url: query(params), headers: alice.web })
      assert.equal(res.statusCode, 400, `${JSON.stringify(params)}: ${res.body}`)
      assert.equal(res.json().error_code, code)
      assert.match(res.json().error, message)
    }
    const { client_id: _, ...missing } = ok
    const res = await app.inject({ url: query(missing), headers: alice.web })
    assert.equal(res.statusCode, 400)
    assert.match(res.json().error, /client_id/)
  })

  it('defaults the scope to read and needs the signed-in web session', async (t) => {
    const { app, given } = await buildTestApp(t)
    const alice = await given.account('alice')
    const client = await registerApp(app)
    const params = { client_id: client.client_id, redirect_uri: OOB, response_type: 'code' }
    const res = await app.inject({ url: query(params), headers: alice.web })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json().scopes, ['read'])
    assert.equal((await app.inject({ url: query(params), headers: anonymousWeb })).statusCode, 401)
    // An OAuth token is not the person at the browser: no app may authorize another.
    const viaToken = await app.inject({ url: query(params), headers: alice.auth })
    assert.equal(viaToken.statusCode, 401)
    assert.equal(viaToken.json().error_code, 'session_required')
  })
})

describe('POST /api/kith/v1/oauth/authorization', () => {
  it('sends a refusal back to the app with the state', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const alice = await given.account('alice')
    const client = await registerApp(app)
    const res = await app.inject({
      method: 'POST',
      url,
      headers: alice.web,
      payload: { client_id: client.client_id, redirect_uri: REDIRECT_URI, scope: 'read', state: 's1', approve: false },
    })
    assert.equal(res.statusCode, 200, res.body)
    const back = new URL(res.json().redirect_to)
    assert.equal(back.searchParams.get('error'), 'access_denied')
    assert.equal(back.searchParams.get('state'), 's1')
    assert.equal(back.searchParams.get('code'), null)
    assert.equal((await countRows(ctx, ['oauth_codes'])).oauth_codes, 0)
  })

  it('shows an out-of-band code to the person instead of redirecting', async (t) => {
    const { app, given } = await buildTestApp(t)
    const alice = await given.account('alice')
    const client = await registerApp(app)
    const res = await app.inject({
      method: 'POST',
      url,
      headers: alice.web,
      payload: { client_id: client.client_id, redirect_uri: OOB, scope: 'read', approve: true },
    })
    assert.equal(res.statusCode, 200, res.body)
    const { code, redirect_to } = res.json()
    assert.ok(code)
    assert.equal(redirect_to, `/oauth/authorize/native?code=${code}`)
    const token = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: {
        grant_type: 'authorization_code',
        client_id: client.client_id,
        client_secret: client.client_secret,
        redirect_uri: OOB,
        code,
      },
    })
    assert.equal(token.statusCode, 200, token.body)
  })

  it('keeps the query of a registered redirect URI and custom schemes', async (t) => {
    const { app, given } = await buildTestApp(t)
    const alice = await given.account('alice')
    const client = await registerApp(app, { redirect_uris: ['https://app.example/cb?x=1', 'tooter://auth'] })
    for (const redirect_uri of ['https://app.example/cb?x=1', 'tooter://auth']) {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: alice.web,
        payload: { client_id: client.client_id, redirect_uri, approve: true },
      })
      assert.equal(res.statusCode, 200, res.body)
      const back = new URL(res.json().redirect_to)
      assert.ok(back.searchParams.get('code'))
      if (redirect_uri.includes('x=1')) assert.equal(back.searchParams.get('x'), '1')
      else assert.equal(back.protocol, 'tooter:')
    }
  })

  it('refuses bad requests, a missing CSRF token or no session, and issues no code', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const alice = await given.account('alice')
    const client = await registerApp(app)
    const ok = { client_id: client.client_id, redirect_uri: REDIRECT_URI, scope: 'read', approve: true }
    const bad = [
      { ...ok, redirect_uri: 'https://evil.example/cb' },
      { ...ok, scope: 'admin:write' },
      { ...ok, approve: 'maybe' },
      { ...ok, state: 'x'.repeat(2001) },
    ]
    for (const payload of bad) {
      const res = await app.inject({ method: 'POST', url, headers: alice.web, payload })
      assert.equal(res.statusCode, 400, res.body)
      assert.equal(typeof res.json().error, 'string')
    }
    const noCsrf = await app.inject({ method: 'POST', url, headers: { cookie: alice.web.cookie! }, payload: ok })
    assert.equal(noCsrf.statusCode, 403)
    assert.equal(noCsrf.json().error_code, 'csrf')
    assert.equal((await app.inject({ method: 'POST', url, headers: anonymousWeb, payload: ok })).statusCode, 401)
    assert.equal((await app.inject({ method: 'POST', url, headers: alice.auth, payload: ok })).statusCode, 401)
    assert.equal((await countRows(ctx, ['oauth_codes'])).oauth_codes, 0)
  })
})
