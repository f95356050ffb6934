import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as OTPAuth from 'otpauth'
import { anonymousWeb, buildTestApp, countRows, lastMailToken, mailsTo, PASSWORD } from '../../../helpers.ts'

const signUpBody = { username: 'bea', email: 'bea@example.com', password: PASSWORD, agreement: true }

function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] as string[])
  const c = raw.find((x) => x.startsWith('kith_session='))
  assert.ok(c, 'a session cookie is set')
  return c.split(';')[0]!
}

describe('POST /api/kith/v1/auth/sign_up', () => {
  it('creates an unconfirmed account and mails a confirmation link that works once', async (t) => {
    const { app, ctx } = await buildTestApp(t)
    const res = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_up',
      headers: anonymousWeb,
      payload: signUpBody,
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().status, 'confirmation_sent')

    const early = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_in',
      headers: anonymousWeb,
      payload: { login: 'bea', password: PASSWORD },
    })
    assert.equal(early.statusCode, 403)
    assert.equal(early.json().error_code, 'email_unconfirmed')

    const mails = await mailsTo(ctx, 'bea@example.com')
    assert.equal(mails.length, 1)
    assert.match(mails[0]!.subject, /Maple Street/)
    const token = await lastMailToken(ctx, 'bea@example.com')
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/confirm',
      headers: anonymousWeb,
      payload: { token },
    })
    assert.equal(confirm.statusCode, 200)
    assert.equal(confirm.json().status, 'confirmed')
    const reused = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/confirm',
      headers: anonymousWeb,
      payload: { token },
    })
    assert.equal(reused.statusCode, 422)

    const signIn = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_in',
      headers: anonymousWeb,
      payload: { login: 'BEA@example.com', password: PASSWORD },
    })
    assert.equal(signIn.statusCode, 200)
    assert.equal(signIn.json().user.username, 'bea')
  })

  it('refuses duplicates (case-insensitive, confusable), bad names and weak passwords, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    await given.account('bill0')
    const before = await countRows(ctx)
    const cases: [Record<string, unknown>, string][] = [
      [{ ...signUpBody, username: 'BILLO' }, 'username'], // confusable with bill0
      [{ ...signUpBody, username: 'bi11o' }, 'username'],
      [{ ...signUpBody, username: 'bеa' }, 'username'], // Cyrillic е
      [{ ...signUpBody, username: 'a b' }, 'username'],
      [{ ...signUpBody, username: 'admin' }, 'username'],
      [{ ...signUpBody, email: 'BILL0@example.com' }, 'email'],
      [{ ...signUpBody, email: 'not-an-email' }, 'email'],
      [{ ...signUpBody, password: 'short' }, 'password'],
      [{ ...signUpBody, password: 'password12345' }, 'password'],
      [{ ...signUpBody, agreement: false }, 'agreement'],
    ]
    for (const [payload, field] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/kith/v1/auth/sign_up', headers: anonymousWeb, payload })
      assert.equal(res.statusCode, 422, `${JSON.stringify(payload)} → ${res.body}`)
      assert.ok(res.json().details[field], `${field} error for ${JSON.stringify(payload)}: ${res.body}`)
    }
    for (const payload of [
      { ...signUpBody, username: 'x'.repeat(31) },
      { ...signUpBody, agreement: 'yes please' },
      {},
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/kith/v1/auth/sign_up', headers: anonymousWeb, payload })
      assert.equal(res.statusCode, 400, res.body)
    }
    assert.deepEqual(await countRows(ctx), before)
  })

  it('honours the registration mode', async (t) => {
    const { app, ctx, given } = await buildTestApp(t, { registration: 'closed' })
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/kith/v1/auth/sign_up', headers: anonymousWeb, payload })
    const closed = await post(signUpBody)
    assert.equal(closed.statusCode, 403)
    assert.equal(closed.json().error_code, 'registrations_closed')

    await given.settings({ registration_mode: 'invite' })
    assert.equal((await post(signUpBody)).statusCode, 422)
    assert.equal((await post({ ...signUpBody, invite_code: 'nope' })).statusCode, 422)
    const now = new Date().toISOString()
    await ctx.db
      .insertInto('invites')
      .values({ id: '1', code: 'WELCOME1', user_id: null, max_uses: 1, uses: 0, expires_at: null, created_at: now })
      .execute()
    assert.equal((await post({ ...signUpBody, invite_code: 'WELCOME1' })).statusCode, 200)
    const spent = await post({ ...signUpBody, username: 'cal', email: 'cal@example.com', invite_code: 'WELCOME1' })
    assert.equal(spent.statusCode, 422)

    await given.settings({ registration_mode: 'approval' })
    const noReason = await post({ ...signUpBody, username: 'dee', email: 'dee@example.com' })
    assert.equal(noReason.statusCode, 422)
    assert.ok(noReason.json().details.reason)
    const withReason = await post({
      ...signUpBody,
      username: 'dee',
      email: 'dee@example.com',
      reason: 'I live on Maple St',
    })
    assert.equal(withReason.statusCode, 200)
    const token = await lastMailToken(ctx, 'dee@example.com')
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/confirm',
      headers: anonymousWeb,
      payload: { token },
    })
    assert.equal(confirm.json().status, 'pending_approval')
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_in',
      headers: anonymousWeb,
      payload: { login: 'dee', password: PASSWORD },
    })
    assert.equal(signIn.statusCode, 403)
    assert.equal(signIn.json().error_code, 'pending_approval')
  })
})

describe('POST /api/kith/v1/auth/sign_in', () => {
  it('gives one answer for an unknown login and a wrong password, and signs in with the right one', async (t) => {
    const { app, given } = await buildTestApp(t)
    await given.account('cam')
    const post = (payload: object, headers: Record<string, string> = anonymousWeb) =>
      app.inject({ method: 'POST', url: '/api/kith/v1/auth/sign_in', headers, payload })
    const unknown = await post({ login: 'nobody@example.com', password: PASSWORD })
    const wrong = await post({ login: 'cam', password: 'wrong password here' })
    assert.equal(unknown.statusCode, 401)
    assert.equal(wrong.statusCode, 401)
    assert.equal(unknown.json().error, wrong.json().error)
    assert.equal((await post({ login: 'cam', password: PASSWORD }, {})).statusCode, 403, 'CSRF token is required')

    const ok = await post({ login: '@Cam', password: PASSWORD })
    assert.equal(ok.statusCode, 200)
    const cookie = `${sessionCookie(ok)}; kith_csrf=anon-csrf`
    const session = await app.inject({ url: '/api/kith/v1/session', headers: { cookie } })
    assert.equal(session.json().user.username, 'cam')

    const out = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_out',
      headers: { ...anonymousWeb, cookie },
    })
    assert.equal(out.statusCode, 200)
    const after = await app.inject({ url: '/api/kith/v1/session', headers: { cookie } })
    assert.equal(after.json().user, null)
  })

  it('is rate limited', async (t) => {
    const { app } = await buildTestApp(t)
    let last = 0
    for (let i = 0; i < 21; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/kith/v1/auth/sign_in',
        headers: anonymousWeb,
        payload: { login: 'x', password: 'y' },
      })
      last = res.statusCode
    }
    assert.equal(last, 429)
  })
})

describe('two-factor sign-in', () => {
  it('enrols with TOTP, then asks for a code at sign-in, refusing replays; recovery codes work once', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const dan = await given.account('dan')
    const setup = await app.inject({ method: 'POST', url: '/api/kith/v1/settings/two_factor/setup', headers: dan.web })
    assert.equal(setup.statusCode, 200, setup.body)
    const { secret, otpauth_uri, qr_svg } = setup.json()
    assert.match(otpauth_uri, /^otpauth:\/\/totp\//)
    assert.match(qr_svg, /^<svg/)
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) })
    let clock = Date.now()
    ctx.clock.now = () => new Date(clock)

    const bad = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/settings/two_factor/enable',
      headers: dan.web,
      payload: { code: '000000' },
    })
    assert.equal(bad.statusCode, 422)
    const enable = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/settings/two_factor/enable',
      headers: dan.web,
      payload: { code: totp.generate({ timestamp: clock }) },
    })
    assert.equal(enable.statusCode, 200, enable.body)
    const recovery: string[] = enable.json().recovery_codes
    assert.equal(recovery.length, 10)

    const signIn = async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/kith/v1/auth/sign_in',
        headers: anonymousWeb,
        payload: { login: 'dan', password: PASSWORD },
      })
      assert.equal(res.json().status, 'two_factor_required')
      assert.equal(String(res.headers['set-cookie'] ?? '').includes('kith_session'), false)
      return res.json().challenge as string
    }
    const second = (challenge: string, code: string) =>
      app.inject({
        method: 'POST',
        url: '/api/kith/v1/auth/two_factor',
        headers: anonymousWeb,
        payload: { challenge, code },
      })

    clock += 30_000
    const challenge = await signIn()
    const code = totp.generate({ timestamp: clock })
    const ok = await second(challenge, code)
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().user.two_factor_enabled, true)
    assert.equal((await second(challenge, code)).statusCode, 401, 'a used code is refused')
    assert.equal((await second('forged.123.abc', totp.generate({ timestamp: clock + 30_000 }))).statusCode, 401)

    assert.equal((await second(await signIn(), recovery[0]!)).statusCode, 200)
    assert.equal((await second(await signIn(), recovery[0]!)).statusCode, 401)

    const expired = await signIn()
    clock += 6 * 60_000
    assert.equal((await second(expired, totp.generate({ timestamp: clock }))).json().error_code, 'challenge_expired')
  })
})

describe('password reset', () => {
  it('mails a link without revealing unknown emails, and ends every session and token', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const eve = await given.account('eve')
    const forgot = (email: string) =>
      app.inject({
        method: 'POST',
        url: '/api/kith/v1/auth/password/forgot',
        headers: anonymousWeb,
        payload: { email },
      })
    const unknown = await forgot('nobody@example.com')
    const known = await forgot('eve@example.com')
    assert.equal(unknown.statusCode, 200)
    assert.deepEqual(unknown.json(), known.json())
    const token = await lastMailToken(ctx, 'eve@example.com')
    const reset = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/kith/v1/auth/password/reset',
        headers: anonymousWeb,
        payload: { token, password },
      })
    assert.equal((await reset('weak')).statusCode, 422)
    assert.equal((await reset('a whole new garden of tulips')).statusCode, 200)
    assert.equal((await reset('a whole new garden of tulips')).statusCode, 422, 'the link works once')
    assert.equal((await app.inject({ url: '/api/kith/v1/session', headers: eve.web })).json().user, null)
    const live = await ctx.db
      .selectFrom('oauth_tokens')
      .select('id')
      .where('user_id', '=', eve.user.id)
      .where('revoked_at', 'is', null)
      .execute()
    assert.equal(live.length, 0, 'app tokens are revoked')
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_in',
      headers: anonymousWeb,
      payload: { login: 'eve', password: 'a whole new garden of tulips' },
    })
    assert.equal(signIn.statusCode, 200)
  })
})
