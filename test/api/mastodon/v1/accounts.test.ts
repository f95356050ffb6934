import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { updateAccount } from '#server/domain/accounts/accounts-store.ts'
import { confirmEmail } from '#server/domain/auth/confirm-email.ts'
import { createInvite } from '#server/domain/invites/invites.ts'
import { CredentialAccount, Token } from '#shared/mastodon-entities.ts'
import { buildTestApp, countRows, lastMailToken, PASSWORD } from '../../../helpers.ts'
import { appToken, bearer, multipart, registerApp, userToken } from '../../oauth/oauth-helpers.ts'

const me = '/api/v1/accounts/verify_credentials'
const newcomer = { username: 'bea', email: 'bea@example.com', password: PASSWORD, agreement: true, locale: 'en' }

describe('POST /api/v1/accounts', () => {
  it('registers someone for the app and returns a token that works once the email is confirmed', async (t) => {
    const { app, ctx } = await buildTestApp(t)
    const client = await registerApp(app)
    const token = await appToken(app, client, 'write:accounts')
    const res = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(token), payload: newcomer })
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(Value.Check(Token, res.json()))
    assert.equal(res.json().scope, 'read write push') // the app's registered scopes
    const userAuth = bearer(res.json().access_token)

    const early = await app.inject({ url: me, headers: userAuth })
    assert.equal(early.statusCode, 403)
    assert.match(early.json().error, /confirmed e-mail address/)
    await confirmEmail(ctx, await lastMailToken(ctx, 'bea@example.com'))
    const later = await app.inject({ url: me, headers: userAuth })
    assert.equal(later.statusCode, 200, later.body)
    assert.equal(later.json().username, 'bea')
  })

  it('takes multipart form data, as masto.js sends it', async (t) => {
    const { app } = await buildTestApp(t)
    const token = await appToken(app, await registerApp(app), 'write')
    const form = await multipart({ ...newcomer, agreement: 'true' })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { ...bearer(token), 'content-type': form.contentType },
      payload: form.body,
    })
    assert.equal(res.statusCode, 200, res.body)
  })

  it('asks for a reason when sign-ups need approval, and the token waits for approval', async (t) => {
    const { app, ctx } = await buildTestApp(t, { registration: 'approval' })
    const token = await appToken(app, await registerApp(app), 'write')
    const noReason = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: bearer(token),
      payload: newcomer,
    })
    assert.equal(noReason.statusCode, 422)
    assert.ok(noReason.json().details.reason)
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: bearer(token),
      payload: { ...newcomer, reason: 'I live on Maple Street' },
    })
    assert.equal(res.statusCode, 200, res.body)
    await confirmEmail(ctx, await lastMailToken(ctx, 'bea@example.com'))
    const pending = await app.inject({ url: me, headers: bearer(res.json().access_token) })
    assert.equal(pending.statusCode, 403)
    assert.match(pending.json().error, /pending approval/)
  })

  it('needs an invitation when joining is by invitation', async (t) => {
    const { app, ctx } = await buildTestApp(t, { registration: 'invite' })
    const token = await appToken(app, await registerApp(app), 'write')
    const without = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: bearer(token),
      payload: newcomer,
    })
    assert.equal(without.statusCode, 422)
    assert.ok(without.json().details.invite_code)
    const invite = await createInvite(ctx, { maxUses: 1 })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: bearer(token),
      payload: { ...newcomer, invite_code: invite.code },
    })
    assert.equal(res.statusCode, 200, res.body)
  })

  it('is refused while registrations are closed', async (t) => {
    const { app, ctx } = await buildTestApp(t, { registration: 'closed' })
    const token = await appToken(app, await registerApp(app), 'write')
    const before = await countRows(ctx)
    const res = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: bearer(token), payload: newcomer })
    assert.equal(res.statusCode, 403)
    assert.equal(res.json().error_code, 'registrations_closed')
    assert.deepEqual(await countRows(ctx), before)
  })

  it('refuses bad input, missing tokens and scopes, and creates no one', async (t) => {
    const { app, ctx } = await buildTestApp(t)
    const client = await registerApp(app)
    const token = await appToken(app, client, 'write:accounts')
    const readOnly = await appToken(app, client, 'read')
    const before = await countRows(ctx)
    const post = (payload: unknown, headers: Record<string, string> = bearer(token)) =>
      app.inject({ method: 'POST', url: '/api/v1/accounts', headers, payload: payload as object })

    assert.equal((await post(newcomer, {})).statusCode, 401)
    assert.equal((await post(newcomer, bearer('made-up'))).statusCode, 401)
    assert.equal((await post(newcomer, bearer(readOnly))).statusCode, 403)
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...newcomer, password: 'password1' }, 422, 'password'],
      [{ ...newcomer, username: 'owner' }, 422, 'username'],
      [{ ...newcomer, username: 'bad name!' }, 422, 'username'],
      [{ ...newcomer, email: 'not-an-email' }, 422, 'email'],
      [{ ...newcomer, email: 'owner@example.com' }, 422, 'email'],
      [{ ...newcomer, agreement: false }, 422, 'agreement'],
      [{ ...newcomer, username: 'x'.repeat(201) }, 400, ''],
      [{ ...newcomer, agreement: 'perhaps' }, 400, ''],
      [{ ...newcomer, email: undefined }, 400, ''],
    ]
    for (const [payload, status, field] of cases) {
      const res = await post(payload)
      assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`)
      assert.equal(typeof res.json().error, 'string')
      if (field) assert.ok(res.json().details[field], res.body)
    }
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: '{"username": "bea",',
    })
    assert.equal(malformed.statusCode, 400)
    assert.deepEqual(await countRows(ctx), before)
  })
})

describe('GET /api/v1/accounts/verify_credentials', () => {
  it('returns the viewer as a CredentialAccount', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const alice = await given.account('alice')
    await updateAccount(ctx.db, alice.account.id, { note: 'Gardener & <baker>\nLikes "bread"\n\nSecond', bot: 1 })
    const res = await app.inject({ url: me, headers: alice.auth })
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.ok(Value.Check(CredentialAccount, body), JSON.stringify([...Value.Errors(CredentialAccount, body)]))
    assert.equal(body.id, alice.account.id)
    assert.equal(body.username, 'alice')
    assert.equal(body.acct, 'alice')
    assert.equal(body.display_name, 'alice')
    assert.equal(body.url, 'http://kith.test/@alice')
    assert.equal(body.bot, true)
    assert.equal(body.group, false)
    assert.equal(body.note, '<p>Gardener &#38; &#60;baker&#62;<br />Likes &#34;bread&#34;</p><p>Second</p>')
    assert.equal(body.source.note, 'Gardener & <baker>\nLikes "bread"\n\nSecond')
    assert.equal(body.source.privacy, 'public')
    assert.match(body.created_at, /^\d{4}-\d\d-\d\dT00:00:00\.000Z$/)
    assert.equal(body.avatar, 'http://kith.test/avatars/original/missing.png')
    assert.match(body.header, /\/headers\/original\/missing\.png$/)
    assert.deepEqual(body.role, { id: '-99', name: '', color: '', permissions: '65536', highlighted: false })
    const owner = await app.inject({ url: me, headers: given.owner().auth })
    assert.equal(owner.json().role.name, 'Owner')
    const png = await app.inject({ url: '/avatars/original/missing.png' })
    assert.equal(png.statusCode, 200)
    assert.equal(png.headers['content-type'], 'image/png')
    assert.deepEqual([...png.rawPayload.subarray(1, 4)], [...Buffer.from('PNG')])
  })

  it('works with read:accounts, profile or the web session, and not otherwise', async (t) => {
    const { app, given } = await buildTestApp(t)
    for (const scopes of ['read:accounts', 'profile', 'read']) {
      const a = await given.account(`a_${scopes.replace(':', '_')}`, { scopes })
      assert.equal((await app.inject({ url: me, headers: a.auth })).statusCode, 200, scopes)
    }
    const writer = await given.account('writer', { scopes: 'write follow push' })
    const refused = await app.inject({ url: me, headers: writer.auth })
    assert.equal(refused.statusCode, 403)
    assert.match(refused.json().error, /outside the authorized scopes/)
    assert.equal((await app.inject({ url: me, headers: { cookie: writer.web.cookie! } })).statusCode, 200)
    assert.equal((await app.inject({ url: me })).statusCode, 401)

    const client = await registerApp(app)
    const appOnly = await appToken(app, client)
    const res = await app.inject({ url: me, headers: bearer(appOnly) })
    assert.equal(res.statusCode, 401)
    assert.match(res.json().error, /authenticated user/)
    const user = await userToken(app, writer.web, client)
    await app.inject({
      method: 'POST',
      url: '/oauth/revoke',
      payload: { client_id: client.client_id, client_secret: client.client_secret, token: user.access_token },
    })
    assert.equal((await app.inject({ url: me, headers: bearer(user.access_token) })).statusCode, 401)
  })
})
