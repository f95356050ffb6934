// Grouped notifications (API v2): "Ana and 12 others followed you" in Mastodon's shape.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { followAccount } from '#server/domain/graph/follow.ts'
import { GroupedNotificationsResults } from '#shared/mastodon-notifications.ts'
import { buildTestApp, type TestAccount } from '../../../helpers.ts'
import { post } from '../v1/notifications/notification-helpers.ts'

async function grouped(app: Awaited<ReturnType<typeof buildTestApp>>['app'], who: TestAccount, query = '') {
  const res = await app.inject({ url: `/api/v2/notifications${query}`, headers: who.auth })
  assert.equal(res.statusCode, 200, res.body)
  const body = res.json()
  assert.ok(
    Value.Check(GroupedNotificationsResults, body),
    JSON.stringify([...Value.Errors(GroupedNotificationsResults, body)]),
  )
  return { body: body as GroupedNotificationsResults, link: String(res.headers.link ?? '') }
}

describe('GET /api/v2/notifications', () => {
  it('groups follows into one group with samples and a count, and leaves mentions alone', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const fans = []
    for (const name of ['f1', 'f2', 'f3']) {
      const fan = await given.account(name)
      await followAccount(ctx, fan.account, ana.account.id)
      fans.push(fan)
    }
    const m = await post(app, fans[0]!, { status: 'Welcome @ana' })
    await ctx.jobs.drain()

    const { body } = await grouped(app, ana)
    assert.equal(body.notification_groups.length, 2)
    const [mention, follows] = body.notification_groups
    assert.equal(mention!.type, 'mention')
    assert.equal(mention!.status_id, m.id)
    assert.match(mention!.group_key, /^ungrouped-/)
    assert.equal(follows!.type, 'follow')
    assert.equal(follows!.notifications_count, 3)
    assert.deepEqual(
      follows!.sample_account_ids,
      [...fans].reverse().map((f) => f.account.id),
    )
    assert.ok(follows!.page_min_id! < follows!.page_max_id!)
    assert.equal(follows!.most_recent_notification_id, follows!.page_max_id)
    assert.deepEqual(body.accounts.map((a) => a.username).sort(), ['f1', 'f2', 'f3'])
    assert.deepEqual(
      body.statuses.map((s) => s.id),
      [m.id],
    )

    // A client that does not group follows gets them one by one.
    const flat = await grouped(app, ana, '?grouped_types[]=favourite')
    assert.deepEqual(
      flat.body.notification_groups.map((g) => [g.type, g.notifications_count]),
      [
        ['mention', 1],
        ['follow', 1],
        ['follow', 1],
        ['follow', 1],
      ],
    )
    // partial_avatars: only each group's latest account in full.
    const partial = await grouped(app, ana, '?expand_accounts=partial_avatars')
    assert.deepEqual(partial.body.accounts.map((a) => a.username).sort(), ['f1', 'f3'])
    assert.deepEqual(
      partial.body.partial_accounts?.map((a) => a.acct),
      ['f2'],
    )
  })

  it('pages by groups, with Link headers built from the notifications covered', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    for (const name of ['a1', 'a2', 'a3']) {
      const who = await given.account(name)
      await post(app, who, { status: `Hi @ana, ${name} here` })
    }
    await ctx.jobs.drain()
    const page1 = await grouped(app, ana, '?limit=2')
    assert.equal(page1.body.notification_groups.length, 2)
    const next = page1.link.match(/<([^>]+)>; rel="next"/)![1]!
    const page2 = await grouped(app, ana, new URL(next).search)
    assert.equal(page2.body.notification_groups.length, 1)
    assert.notEqual(page2.body.notification_groups[0]!.group_key, page1.body.notification_groups[1]!.group_key)
  })
})

describe('GET /api/v2/notifications/:group_key, …/accounts, POST …/dismiss, GET …/unread_count', () => {
  it('shows one group, lists its accounts, counts unread groups and dismisses a whole group', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    for (const name of ['f1', 'f2']) await followAccount(ctx, (await given.account(name)).account, ana.account.id)
    await post(app, await given.account('m1'), { status: 'Yo @ana' })
    await ctx.jobs.drain()
    const { body } = await grouped(app, ana)
    const follows = body.notification_groups.find((g) => g.type === 'follow')!

    const one = await app.inject({ url: `/api/v2/notifications/${follows.group_key}`, headers: ana.auth })
    assert.equal(one.statusCode, 200)
    assert.equal(one.json().notification_groups[0].notifications_count, 2)
    const accounts = await app.inject({ url: `/api/v2/notifications/${follows.group_key}/accounts`, headers: ana.auth })
    assert.deepEqual(
      accounts.json().map((a: { username: string }) => a.username),
      ['f2', 'f1'],
    )
    const count = await app.inject({ url: '/api/v2/notifications/unread_count', headers: ana.auth })
    assert.deepEqual(count.json(), { count: 2 })
    const v1count = await app.inject({ url: '/api/v1/notifications/unread_count', headers: ana.auth })
    assert.deepEqual(v1count.json(), { count: 3 })

    const dismiss = await app.inject({
      method: 'POST',
      url: `/api/v2/notifications/${follows.group_key}/dismiss`,
      headers: ana.auth,
    })
    assert.equal(dismiss.statusCode, 200)
    const after = await grouped(app, ana)
    assert.deepEqual(
      after.body.notification_groups.map((g) => g.type),
      ['mention'],
    )
    const missing = await app.inject({ url: `/api/v2/notifications/${follows.group_key}`, headers: ana.auth })
    assert.equal(missing.statusCode, 404)
  })

  it('answers the notification policy as accept-all (Kith filters nothing)', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const res = await app.inject({ url: '/api/v2/notifications/policy', headers: ana.auth })
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().for_not_following, 'accept')
  })
})
