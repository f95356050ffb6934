import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { post } from '../../../../test/api/mastodon/v1/notifications/notification-helpers.ts'
import { buildTestApp } from '../../../../test/helpers.ts'
import { followAccount, unfollowAccount } from '../graph/follow.ts'
import { createNotifications } from './create-notifications.ts'
import { endPoll } from './poll-ended.ts'

describe('createNotifications', () => {
  it('is idempotent: a job run twice tells once', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    const p = await post(app, bob, { status: 'Hi @ana' })
    await createNotifications(ctx, { type: 'post.created', postId: p.id })
    await createNotifications(ctx, { type: 'post.created', postId: p.id })
    await ctx.jobs.drain()
    const rows = await ctx.db.selectFrom('notifications').selectAll().where('account_id', '=', ana.account.id).execute()
    assert.equal(rows.length, 1)
  })

  it('treats a vanished subject as nothing to do', async (t) => {
    const { ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const bob = await given.account('bob')
    await followAccount(ctx, bob.account, ana.account.id)
    await unfollowAccount(ctx, bob.account, ana.account.id)
    await ctx.jobs.drain()
    await createNotifications(ctx, { type: 'post.created', postId: '123' })
    assert.equal((await ctx.db.selectFrom('notifications').selectAll().execute()).length, 0)
  })

  it('groups a kind within 12 hours of the group’s first hour, then starts a new group', async (t) => {
    const { ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const start = Date.parse('2026-12-01T08:30:00Z')
    let now = start
    ctx.clock = { now: () => new Date(now) }
    const follow = async (name: string, at: number) => {
      now = at
      await followAccount(ctx, (await given.account(name)).account, ana.account.id)
      await ctx.jobs.drain()
    }
    await follow('f1', start)
    await follow('f2', start + 5 * 3600_000)
    await follow('f3', start + 11 * 3600_000)
    await follow('f4', start + 13 * 3600_000)
    const rows = await ctx.db
      .selectFrom('notifications')
      .select('group_key')
      .where('account_id', '=', ana.account.id)
      .orderBy('id')
      .execute()
    const keys = rows.map((r) => r.group_key)
    assert.equal(new Set(keys.slice(0, 3)).size, 1)
    assert.notEqual(keys[3], keys[0])
  })
})

describe('endPoll', () => {
  it('tells the poll’s author when it ends, and waits when woken early', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const p = await post(app, ana, { status: 'Tea or coffee?', poll: { options: ['Tea', 'Coffee'], expires_in: 600 } })
    const poll = await ctx.db.selectFrom('polls').select('id').where('post_id', '=', p.id).executeTakeFirstOrThrow()
    const jobs = await ctx.db.selectFrom('jobs').selectAll().where('name', '=', 'endPoll').execute()
    assert.equal(jobs.length, 1)

    await endPoll(ctx, { pollId: poll.id }) // too early: schedules itself again
    assert.equal((await ctx.db.selectFrom('notifications').selectAll().execute()).length, 0)
    const real = ctx.clock
    ctx.clock = { now: () => new Date(real.now().getTime() + 11 * 60_000) }
    await endPoll(ctx, { pollId: poll.id })
    await endPoll(ctx, { pollId: poll.id })
    const res = await app.inject({ url: '/api/v1/notifications', headers: ana.auth })
    assert.deepEqual(
      res.json().map((n: { type: string; status: { id: string } }) => [n.type, n.status.id]),
      [['poll', p.id]],
    )
  })
})
