import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { Token } from '#shared/mastodon-entities.ts'
import { buildTestApp, countRows } from '../../helpers.ts'
import {
  approve,
  appToken,
  bearer,
  pkcePair,
  postToken,
  REDIRECT_URI,
  registerApp,
  userToken,
} from './oauth-helpers.ts'

const me = '/api/v1/accounts/verify_credentials'

describe('POST /oauth/token', () => {
  it('issues an app token for client_credentials, from JSON, form data or HTTP Basic', async (t) => {
    const { app } = await buildTestApp(t)
    const client = await registerApp(app)
    const json = await postToken(app, {
      grant_type: 'client_credentials',
      client_id: client.client_id,
      client_secret: client.client_secret,
    })
    assert.equal(json.statusCode, 200, json.body)
    assert.ok(Value.Check(Token, json.json()))
    assert.equal(json.json().token_type, 'Bearer')
    assert.equal(json.json().scope, 'read') // the default
    assert.equal(json.json().refresh_token, undefined)
    assert.equal(json.headers['cache-control'], 'no-store')
    assert.ok(Math.abs(json.json().created_at - Date.now() / 1000) < 60)

    const form = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${client.client_id}&client_secret=${client.client_secret}&scope=read+write`,
    })
    assert.equal(form.statusCode, 200, form.body)
    assert.equal(form.json().scope, 'read write')

    const basic = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: {
        authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
      },
      payload: { grant_type: 'client_credentials', scope: 'write:accounts' },
    })
    assert.equal(basic.statusCode, 200, basic.body)
    assert.equal(basic.json().scope, 'write:accounts')
  })

  it('answers bad requests in OAuth’s error shape and issues nothing', async (t) => {
    const { app, ctx } = await buildTestApp(t)
    const client = await registerApp(app)
    const creds = { client_id: client.client_id, client_secret: client.client_secret }
    const before = await countRows(ctx)
    const cases: [Record<string, unknown>, number, string][] = [
      [{ grant_type: 'client_credentials', ...creds, client_secret: 'wrong' }, 401, 'invalid_client'],
      [{ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' }, 401, 'invalid_client'],
      [{ grant_type: 'client_credentials', client_id: client.client_id }, 401, 'invalid_client'],
      [{ grant_type: 'client_credentials', ...creds, scope: 'admin:read' }, 400, 'invalid_scope'],
      [{ grant_type: 'client_credentials', ...creds, scope: 'read bogus' }, 400, 'invalid_scope'],
      [{ grant_type: 'password', ...creds, username: 'owner', password: 'x' }, 400, 'unsupported_grant_type'],
      [{ grant_type: 'implicit', ...creds }, 400, 'unsupported_grant_type'],
      [{ ...creds }, 400, 'invalid_request'],
      [{ grant_type: 'client_credentials', ...creds, scope: 'x'.repeat(1001) }, 400, 'invalid_request'],
      [{ grant_type: 'client_credentials', ...creds, client_id: { a: 1 } }, 400, 'invalid_request'],
      [{ grant_type: 'authorization_code', ...creds, redirect_uri: REDIRECT_URI }, 400, 'invalid_request'],
      [
        { grant_type: 'authorization_code', ...creds, code: 'made-up', redirect_uri: REDIRECT_URI },
        400,
        'invalid_grant',
      ],
      [{ grant_type: 'refresh_token', ...creds, refresh_token: 'made-up' }, 400, 'invalid_grant'],
      [{ grant_type: 'refresh_token', ...creds }, 400, 'invalid_request'],
    ]
    for (const [payload, status, error] of cases) {
      const res = await postToken(app, payload)
      assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`)
      assert.equal(res.json().error, error, res.body)
      assert.equal(typeof res.json().error_description, 'string')
    }
    const malformed = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/json' },
      payload: '{"grant_type": ',
    })
    assert.equal(malformed.statusCode, 400)
    assert.equal(malformed.json().error, 'invalid_request')
    assert.deepEqual(await countRows(ctx, ['oauth_tokens', 'oauth_codes']), {
      oauth_tokens: before.oauth_tokens,
      oauth_codes: 0,
    })
  })

  it('redeems a code once, with its PKCE verifier and redirect URI, for a user token with a refresh token', async (t) => {
    const { app, given } = await buildTestApp(t)
    const client = await registerApp(app)
    const alice = await given.account('alice')
    const { verifier, challenge } = pkcePair()
    const code = await approve(app, alice.web, client, { scope: 'read:accounts write', challenge })
    const redeem = (extra: Record<string, unknown> = {}) =>
      postToken(app, {
        grant_type: 'authorization_code',
        client_id: client.client_id,
        client_secret: client.client_secret,
        redirect_uri: REDIRECT_URI,
        code,
        code_verifier: verifier,
        ...extra,
      })

    for (const [extra, description] of [
      [{ code_verifier: pkcePair().verifier }, /code_verifier/],
      [{ code_verifier: undefined }, /code_verifier/],
      [{ redirect_uri: 'https://app.example/other' }, /grant is invalid/],
    ] as const) {
      const res = await redeem(extra)
      assert.equal(res.statusCode, 400, res.body)
      assert.equal(res.json().error, 'invalid_grant')
      assert.match(res.json().error_description, description)
    }
    const other = await registerApp(app)
    const stolen = await redeem({ client_id: other.client_id, client_secret: other.client_secret })
    assert.equal(stolen.json().error, 'invalid_grant')

    const res = await redeem()
    assert.equal(res.statusCode, 200, res.body)
    const token = res.json()
    assert.equal(token.scope, 'read:accounts write')
    assert.ok(token.refresh_token)
    const verified = await app.inject({ url: me, headers: bearer(token.access_token) })
    assert.equal(verified.statusCode, 200)
    assert.equal(verified.json().username, 'alice')

    // A code used twice may have been stolen: refused, and the token it bought is revoked.
    const again = await redeem()
    assert.equal(again.statusCode, 400)
    assert.equal(again.json().error, 'invalid_grant')
    assert.equal((await app.inject({ url: me, headers: bearer(token.access_token) })).statusCode, 401)
  })

  it('accepts the plain PKCE method and codes without PKCE', async (t) => {
    const { app, given } = await buildTestApp(t)
    const client = await registerApp(app)
    const alice = await given.account('alice')
    const { verifier } = pkcePair()
    const base = { grant_type: 'authorization_code', client_id: client.client_id, client_secret: client.client_secret }
    const plain = await approve(app, alice.web, client, { challenge: verifier, method: 'plain' })
    const res = await postToken(app, { ...base, redirect_uri: REDIRECT_URI, code: plain, code_verifier: verifier })
    assert.equal(res.statusCode, 200, res.body)
    const none = await approve(app, alice.web, client)
    const res2 = await postToken(app, { ...base, redirect_uri: REDIRECT_URI, code: none })
    assert.equal(res2.statusCode, 200, res2.body)
  })

  it('refuses a code after ten minutes', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const client = await registerApp(app)
    const alice = await given.account('alice')
    const code = await approve(app, alice.web, client)
    const start = Date.now()
    ctx.clock.now = () => new Date(start + 10 * 60 * 1000 + 1000)
    const res = await postToken(app, {
      grant_type: 'authorization_code',
      client_id: client.client_id,
      client_secret: client.client_secret,
      redirect_uri: REDIRECT_URI,
      code,
    })
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error, 'invalid_grant')
  })

  it('rotates refresh tokens: the old pair stops working', async (t) => {
    const { app, given } = await buildTestApp(t)
    const client = await registerApp(app)
    const alice = await given.account('alice')
    const first = await userToken(app, alice.web, client, 'read write')
    const refresh = (refresh_token: string, extra: Record<string, unknown> = {}) =>
      postToken(app, {
        grant_type: 'refresh_token',
        client_id: client.client_id,
        client_secret: client.client_secret,
        refresh_token,
        ...extra,
      })

    const other = await registerApp(app)
    const foreign = await refresh(first.refresh_token, {
      client_id: other.client_id,
      client_secret: other.client_secret,
    })
    assert.equal(foreign.json().error, 'invalid_grant')
    const wider = await refresh(first.refresh_token, { scope: 'read write push' })
    assert.equal(wider.json().error, 'invalid_scope')

    const second = await refresh(first.refresh_token, { scope: 'read' })
    assert.equal(second.statusCode, 200, second.body)
    assert.equal(second.json().scope, 'read')
    assert.notEqual(second.json().refresh_token, first.refresh_token)
    assert.equal((await app.inject({ url: me, headers: bearer(second.json().access_token) })).statusCode, 200)
    assert.equal((await app.inject({ url: me, headers: bearer(first.access_token) })).statusCode, 401)
    const replay = await refresh(first.refresh_token)
    assert.equal(replay.statusCode, 400)
    assert.equal(replay.json().error, 'invalid_grant')
  })
})

describe('POST /oauth/revoke', () => {
  it('revokes an access token the app owns, idempotently', async (t) => {
    const { app, given } = await buildTestApp(t)
    const client = await registerApp(app)
    const alice = await given.account('alice')
    const token = await userToken(app, alice.web, client)
    const revoke = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/oauth/revoke', payload })
    const creds = { client_id: client.client_id, client_secret: client.client_secret }
    const res = await revoke({ ...creds, token: token.access_token })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json(), {})
    assert.equal((await app.inject({ url: me, headers: bearer(token.access_token) })).statusCode, 401)
    assert.equal((await revoke({ ...creds, token: token.access_token })).statusCode, 200)
    assert.equal((await revoke({ ...creds, token: 'never-issued' })).statusCode, 200)
    // The refresh token went with it.
    const refreshed = await postToken(app, {
      grant_type: 'refresh_token',
      ...creds,
      refresh_token: token.refresh_token,
    })
    assert.equal(refreshed.json().error, 'invalid_grant')
  })

  it('refuses another app’s token and bad client credentials', async (t) => {
    const { app, given } = await buildTestApp(t)
    const client = await registerApp(app)
    const other = await registerApp(app)
    const alice = await given.account('alice')
    const token = await userToken(app, alice.web, client)
    const foreign = await app.inject({
      method: 'POST',
      url: '/oauth/revoke',
      payload: { client_id: other.client_id, client_secret: other.client_secret, token: token.access_token },
    })
    assert.equal(foreign.statusCode, 403)
    assert.equal(foreign.json().error, 'unauthorized_client')
    const wrong = await app.inject({
      method: 'POST',
      url: '/oauth/revoke',
      payload: { client_id: client.client_id, client_secret: 'nope', token: token.access_token },
    })
    assert.equal(wrong.statusCode, 401)
    assert.equal(wrong.json().error, 'invalid_client')
    const missing = await app.inject({
      method: 'POST',
      url: '/oauth/revoke',
      payload: { client_id: client.client_id, client_secret: client.client_secret },
    })
    assert.equal(missing.statusCode, 400)
    assert.equal(missing.json().error, 'invalid_request')
    assert.equal((await app.inject({ url: me, headers: bearer(token.access_token) })).statusCode, 200)
    assert.ok(await appToken(app, client))
  })
})
