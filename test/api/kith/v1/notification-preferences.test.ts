// GET/PUT /api/kith/v1/notification_preferences, and what the preferences do: off means no
// notification, email means one mail per notification, a daily digest gathers what is unread.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sendNotificationDigest } from '#server/domain/notifications/notification-mail.ts'
import { buildTestApp, mailsTo } from '../../../helpers.ts'
import { notificationsOf, post } from '../../mastodon/v1/notifications/notification-helpers.ts'

const URL_ = '/api/kith/v1/notification_preferences'

describe('GET/PUT /api/kith/v1/notification_preferences', () => {
  it('starts in-app for every kind with no digest, and changes only what PUT names', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const initial = await app.inject({ url: URL_, headers: ana.web })
    assert.equal(initial.statusCode, 200)
    assert.equal(initial.json().email_digest, 'off')
    assert.equal(initial.json().types['kith:comment'], 'in_app')
    assert.equal(Object.keys(initial.json().types).length, 13)

    const put = await app.inject({
      method: 'PUT',
      url: URL_,
      headers: ana.web,
      payload: { types: { 'kith:comment': 'email', follow: 'off' }, email_digest: 'daily' },
    })
    assert.equal(put.statusCode, 200, put.body)
    assert.equal(put.json().types['kith:comment'], 'email')
    assert.equal(put.json().types.follow, 'off')
    assert.equal(put.json().types.mention, 'in_app')
    assert.equal(put.json().email_digest, 'daily')
    const again = await app.inject({
      method: 'PUT',
      url: URL_,
      headers: ana.auth,
      payload: { types: { follow: 'in_app' } },
    })
    assert.equal(again.json().types.follow, 'in_app')
    assert.equal(again.json().types['kith:comment'], 'email')
  })

  it('refuses unknown kinds and deliveries, a missing CSRF token, and no credentials', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bad = (payload: object) => app.inject({ method: 'PUT', url: URL_, headers: ana.web, payload })
    assert.equal((await bad({ types: { 'kith:nope': 'email' } })).statusCode, 422)
    assert.equal((await bad({ types: { mention: 'pigeon' } })).statusCode, 422)
    assert.equal((await bad({ email_digest: 'hourly' })).statusCode, 422)
    const noCsrf = await app.inject({ method: 'PUT', url: URL_, headers: { cookie: ana.web.cookie }, payload: {} })
    assert.equal(noCsrf.statusCode, 403)
    assert.equal((await app.inject({ url: URL_ })).statusCode, 401)
  })
})

describe('notification preferences at work', () => {
  it('off: no notification; email: a mail per notification, sent by a job', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    await app.inject({
      method: 'PUT',
      url: URL_,
      headers: ana.auth,
      payload: { types: { mention: 'off', 'kith:comment': 'email' } },
    })
    const root = await post(app, ana, { status: 'Lost cat, grey, answers to Pixel' })
    await post(app, bob, { status: 'Seen @ana?' })
    await post(app, bob, { status: 'I saw Pixel by the bakery', in_reply_to_id: root.id })
    // Nothing is mailed on the request path.
    assert.equal(
      (await ctx.db.selectFrom('jobs').select('name').execute()).some((j) => j.name === 'sendEmail'),
      false,
    )
    await ctx.jobs.drain()

    assert.deepEqual(
      (await notificationsOf(app, ana, '?kith=true')).map((n) => n.type),
      ['kith:comment'],
    )
    const mails = await mailsTo(ctx, 'ana@example.com')
    assert.equal(mails.length, 1)
    assert.match(mails[0]!.subject, /bob commented on your post/)
    assert.match(mails[0]!.text, /I saw Pixel by the bakery/)
    assert.match(mails[0]!.text, /http:\/\/kith\.test\/notifications/)
  })

  it('a daily digest gathers unread notifications into one mail, once', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    await app.inject({ method: 'PUT', url: URL_, headers: ana.auth, payload: { email_digest: 'daily' } })
    await post(app, bob, { status: 'Morning @ana' })
    await post(app, bob, { status: 'Evening @ana' })
    await ctx.jobs.drain()
    // One digest is scheduled, for later, however many notifications come.
    const scheduled = await ctx.db.selectFrom('jobs').selectAll().where('name', '=', 'sendNotificationDigest').execute()
    assert.equal(scheduled.length, 1)
    assert.ok(scheduled[0]!.run_at > new Date(Date.now() + 23 * 3600_000).toISOString())
    assert.deepEqual(await mailsTo(ctx, 'ana@example.com'), [])

    await sendNotificationDigest(ctx, { accountId: ana.account.id })
    const mails = await mailsTo(ctx, 'ana@example.com')
    assert.equal(mails.length, 1)
    assert.match(mails[0]!.subject, /What you missed on Maple Street/)
    assert.equal(mails[0]!.text.match(/• @bob mentioned you/g)?.length, 2, mails[0]!.text)
    await sendNotificationDigest(ctx, { accountId: ana.account.id })
    assert.equal((await mailsTo(ctx, 'ana@example.com')).length, 1)
  })
})
