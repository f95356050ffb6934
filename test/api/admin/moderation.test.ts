// Reports, the queue and every moderation action, end to end through the API.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { anonymousWeb, buildTestApp, mailsTo, PASSWORD, type TestAccount } from '../../helpers.ts'

type App = Awaited<ReturnType<typeof buildTestApp>>

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const env = await buildTestApp(t)
  const { given } = env
  const mod = await given.account('moddy', { role: 'moderator', scopes: 'read write admin:read admin:write' })
  const author = await given.account('author')
  const reporter = await given.account('reporter')
  return { ...env, mod, author, reporter }
}

async function post(app: App['app'], who: TestAccount, status: string, extra: object = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/statuses',
    headers: who.auth,
    payload: { status, ...extra },
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json() as { id: string }
}

async function report(
  app: App['app'],
  who: TestAccount,
  accountId: string,
  statusIds: string[],
  category = 'violence',
) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: who.auth,
    payload: { account_id: accountId, status_ids: statusIds, category, comment: 'please look' },
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json() as { id: string; category: string; status_ids: string[] }
}

async function audit(app: App['app'], who: TestAccount, action: string) {
  const res = await app.inject({ url: `/api/kith/v1/admin/audit_log?action=${action}`, headers: who.web })
  assert.equal(res.statusCode, 200, res.body)
  return res.json() as {
    action: string
    actor: { username: string }
    target: { id: string }
    before: any
    after: any
  }[]
}

describe('reports and the moderation queue', () => {
  it('groups reports on one post, orders the queue by severity, and removing the post keeps the evidence', async (t) => {
    const { app, ctx, given, mod, author, reporter } = await setup(t)
    const second = await given.account('secondreporter')
    const spam = await post(app, author, 'buy cheap pills')
    const threat = await post(app, author, 'I will hurt you')
    const spamReport = await report(app, reporter, author.account.id, [spam.id], 'spam')
    const r1 = await report(app, reporter, author.account.id, [threat.id], 'violence')
    assert.equal(r1.category, 'violation')
    assert.deepEqual(r1.status_ids, [threat.id])
    await report(app, second, author.account.id, [threat.id], 'harassment')

    const queue = (await app.inject({ url: '/api/kith/v1/admin/queue', headers: mod.web })).json()
    assert.equal(queue.length, 2)
    assert.equal(queue[0].target_key, `post:${threat.id}`)
    assert.equal(queue[0].reports_count, 2)
    assert.equal(queue[0].severity, 3)
    assert.equal(queue[1].latest_report.id, spamReport.id)

    const claim = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/reports/${r1.id}/assign_to_self`,
      headers: mod.auth,
    })
    assert.equal(claim.json().assigned_account.id, mod.account.id)
    const mine = (await app.inject({ url: '/api/kith/v1/admin/queue?assigned=me', headers: mod.web })).json()
    assert.equal(mine.length, 1)

    // The author deletes nothing; the moderator removes the post.
    const decide = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/admin/reports/${r1.id}/decide`,
      headers: mod.web,
      payload: { action: 'remove_content', text: 'Threats are not allowed' },
    })
    assert.equal(decide.statusCode, 200, decide.body)
    assert.equal(decide.json().action_taken, true)
    // Gone at once: direct link, public timeline, the author's profile.
    assert.equal((await app.inject({ url: `/api/v1/statuses/${threat.id}`, headers: reporter.auth })).statusCode, 404)
    const pub = (await app.inject({ url: '/api/v1/timelines/public' })).json() as { id: string }[]
    assert.ok(!pub.some((s) => s.id === threat.id))
    const profile = (
      await app.inject({ url: `/api/v1/accounts/${author.account.id}/statuses`, headers: reporter.auth })
    ).json() as { id: string }[]
    assert.ok(!profile.some((s) => s.id === threat.id))
    // The evidence survives the deletion.
    const detail = (await app.inject({ url: `/api/kith/v1/admin/reports/${r1.id}`, headers: mod.web })).json()
    assert.equal(detail.group.length, 2)
    assert.ok(detail.evidence.some((e: { text: string }) => e.text === 'I will hurt you'))
    assert.ok(detail.group.every((r: { action_taken: boolean }) => r.action_taken))
    // The author is told why; both reporters are told the outcome.
    await ctx.jobs.drain()
    const toAuthor = await mailsTo(ctx, author.user.email)
    assert.match(toAuthor.at(-1)!.text, /removed some of your content[\s\S]*Threats are not allowed/)
    for (const who of [reporter, second])
      assert.match((await mailsTo(ctx, who.user.email)).at(-1)!.text, /removed the content/)
    // Audited.
    assert.equal((await audit(app, mod, 'post.remove'))[0]!.target.id, threat.id)
    assert.equal((await audit(app, mod, 'report.resolve')).length, 1)
    // The spam report is still open.
    assert.equal((await app.inject({ url: '/api/kith/v1/admin/queue', headers: mod.web })).json().length, 1)
  })

  it('suspension signs the person out everywhere at once, and a timed one ends by itself', async (t) => {
    const { app, ctx, mod, author, reporter } = await setup(t)
    const p = await post(app, author, 'something bad')
    const r = await report(app, reporter, author.account.id, [p.id])
    assert.equal(
      (await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: author.auth })).statusCode,
      200,
    )
    const res = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/admin/reports/${r.id}/decide`,
      headers: mod.web,
      payload: { action: 'suspend', duration_days: 3, text: 'Cool off' },
    })
    assert.equal(res.statusCode, 200, res.body)
    // The token is revoked, not merely refused.
    assert.equal(
      (await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: author.auth })).statusCode,
      401,
    )
    const session = await app.inject({ url: '/api/kith/v1/session', headers: author.web })
    assert.notEqual(session.json().user?.id, author.user.id)
    const live = await ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', author.user.id)
      .where('revoked_at', 'is', null)
      .execute()
    assert.equal(live.length, 0)
    const tokens = await ctx.db
      .selectFrom('oauth_tokens')
      .select('id')
      .where('user_id', '=', author.user.id)
      .where('revoked_at', 'is', null)
      .execute()
    assert.equal(tokens.length, 0)
    assert.equal((await app.inject({ url: `/api/v1/statuses/${p.id}` })).statusCode, 404)
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_in',
      headers: anonymousWeb,
      payload: { login: 'author', password: PASSWORD },
    })
    assert.equal(signIn.statusCode, 403)
    const [entry] = await audit(app, mod, 'account.suspend')
    assert.equal(entry!.target.id, author.account.id)
    assert.ok(entry!.after.suspended_until)
    await ctx.jobs.drain()
    assert.match((await mailsTo(ctx, author.user.email)).at(-1)!.text, /suspended[\s\S]*Cool off/)
    assert.match((await mailsTo(ctx, reporter.user.email)).at(-1)!.text, /took action/)
    // Four days later the suspension has ended.
    const real = ctx.clock
    ctx.clock = { now: () => new Date(Date.now() + 4 * 86_400_000) }
    t.after(() => {
      ctx.clock = real
    })
    await ctx.jobs.drain()
    const signInLater = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/auth/sign_in',
      headers: anonymousWeb,
      payload: { login: 'author', password: PASSWORD },
    })
    assert.equal(signInLater.statusCode, 200, signInLater.body)
    assert.equal((await audit(app, mod, 'account.unsuspend'))[0]!.actor, null)
  })

  it('limits an account: public posts reach followers only; warnings are appealed once and appeals reach the queue', async (t) => {
    const { app, ctx, mod, author, reporter, given } = await setup(t)
    const follower = await given.account('follower')
    await app.inject({ method: 'POST', url: `/api/v1/accounts/${author.account.id}/follow`, headers: follower.auth })
    const p = await post(app, author, 'loud')
    const act = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/admin/people/${author.account.id}/actions`,
      headers: mod.web,
      payload: { action: 'limit', text: 'Too loud' },
    })
    assert.equal(act.statusCode, 200, act.body)
    assert.equal(act.json().account.silenced, true)
    assert.equal((await app.inject({ url: `/api/v1/statuses/${p.id}`, headers: follower.auth })).statusCode, 200)
    assert.equal((await app.inject({ url: `/api/v1/statuses/${p.id}`, headers: reporter.auth })).statusCode, 404)
    assert.equal((await app.inject({ url: `/api/v1/statuses/${p.id}` })).statusCode, 404)
    assert.equal((await app.inject({ url: `/api/v1/statuses/${p.id}`, headers: author.auth })).statusCode, 200)

    const warnings = (await app.inject({ url: '/api/kith/v1/warnings', headers: author.web })).json()
    assert.equal(warnings[0].action, 'limit')
    assert.equal(warnings[0].can_appeal, true)
    const appeal = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/appeals',
      headers: author.web,
      payload: { warning_id: warnings[0].id, text: 'I was quiet' },
    })
    assert.equal(appeal.statusCode, 200, appeal.body)
    const again = await app.inject({
      method: 'POST',
      url: '/api/kith/v1/appeals',
      headers: author.web,
      payload: { warning_id: warnings[0].id, text: 'Really' },
    })
    assert.equal(again.statusCode, 409)
    const queue = (await app.inject({ url: '/api/kith/v1/admin/queue?kind=appeal', headers: mod.web })).json()
    assert.equal(queue[0].appeal.id, appeal.json().id)
    const ok = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/admin/appeals/${appeal.json().id}/approve`,
      headers: mod.web,
    })
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal((await app.inject({ url: `/api/v1/statuses/${p.id}`, headers: reporter.auth })).statusCode, 200)
    assert.equal((await audit(app, mod, 'appeal.approve')).length, 1)
    assert.equal((await audit(app, mod, 'account.unlimit')).length, 1)
    await ctx.jobs.drain()
    assert.match((await mailsTo(ctx, author.user.email)).at(-1)!.text, /overturned/)
  })

  it('dismisses, warns, marks sensitive and deletes accounts, each audited', async (t) => {
    const { app, ctx, mod, author, reporter, given } = await setup(t)
    const p = await post(app, author, 'meh')
    const r = await report(app, reporter, author.account.id, [p.id], 'other')
    const dismiss = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/reports/${r.id}/resolve`,
      headers: mod.auth,
    })
    assert.equal(dismiss.json().action_taken, true)
    await ctx.jobs.drain()
    assert.match((await mailsTo(ctx, reporter.user.email)).at(-1)!.text, /took no action/)
    const reopen = await app.inject({ method: 'POST', url: `/api/v1/admin/reports/${r.id}/reopen`, headers: mod.auth })
    assert.equal(reopen.json().action_taken, false)
    const sens = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/admin/reports/${r.id}/decide`,
      headers: mod.web,
      payload: { action: 'mark_sensitive' },
    })
    assert.equal(sens.statusCode, 200, sens.body)
    assert.equal((await app.inject({ url: `/api/v1/statuses/${p.id}`, headers: reporter.auth })).json().sensitive, true)
    const warn = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/accounts/${author.account.id}/action`,
      headers: mod.auth,
      payload: { type: 'none', text: 'Be nice' },
    })
    assert.equal(warn.statusCode, 200, warn.body)
    for (const action of ['report.dismiss', 'report.reopen', 'post.mark_sensitive', 'account.warn']) {
      assert.equal((await audit(app, mod, action)).length, 1, action)
    }
    // Moderators may not delete accounts; admins may.
    const refused = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/admin/people/${author.account.id}/actions`,
      headers: mod.web,
      payload: { action: 'delete_account' },
    })
    assert.equal(refused.statusCode, 403)
    const owner = given.owner()
    const del = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/admin/people/${author.account.id}/actions`,
      headers: owner.web,
      payload: { action: 'delete_account', text: 'Spam account' },
    })
    assert.equal(del.statusCode, 200, del.body)
    assert.equal(
      (await app.inject({ url: `/api/v1/accounts/${author.account.id}`, headers: reporter.auth })).statusCode,
      404,
    )
    assert.equal((await audit(app, owner, 'account.delete_account'))[0]!.before.username, 'author')
    // The report and its evidence outlive the account.
    const detail = (await app.inject({ url: `/api/kith/v1/admin/reports/${r.id}`, headers: mod.web })).json()
    assert.equal(detail.evidence[0].text, 'meh')
    await ctx.jobs.drain()
    assert.match((await mailsTo(ctx, author.user.email)).at(-1)!.text, /deleted/)
    // Moderators cannot act on staff of their rank or above.
    const admin = await given.account('adminperson', { role: 'admin' })
    const up = await app.inject({
      method: 'POST',
      url: `/api/kith/v1/admin/people/${admin.account.id}/actions`,
      headers: mod.web,
      payload: { action: 'suspend' },
    })
    assert.equal(up.statusCode, 403)
  })
})
