import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { Poll } from '#shared/mastodon-statuses.ts'
import { buildTestApp, countRows } from '../../../helpers.ts'
import { befriend, block, call, INTERACTION_TABLES, post } from './statuses/post-helpers.ts'

const poll = (options: string[], extra: object = {}) => ({ options, expires_in: 3600, ...extra })
const vote = (id: string) => `/api/v1/polls/${id}/votes`
const asPoll = (json: unknown): Poll => {
  assert.ok(Value.Check(Poll, json), 'a Poll entity')
  return json as Poll
}

describe('GET /api/v1/polls/:id', () => {
  it('shows a poll to whoever may see its post, and 404 to anyone else', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    await befriend(ctx, ana, ben)
    const open = await post(app, ana, { status: 'Lunch?', poll: poll(['Soup', 'Salad']) })
    const shown = asPoll((await call(app, null, 'GET', `/api/v1/polls/${open.poll!.id}`)).json())
    assert.equal(shown.voted, undefined, 'no viewer, no own votes')
    assert.deepEqual(
      shown.options.map((o) => o.title),
      ['Soup', 'Salad'],
    )
    const secret = await post(app, ana, { status: 'Gift?', visibility: 'friends', poll: poll(['Book', 'Plant']) })
    assert.equal(asPoll((await call(app, ben, 'GET', `/api/v1/polls/${secret.poll!.id}`)).json()).voted, false)
    await call(app, cam, 'GET', `/api/v1/polls/${secret.poll!.id}`, 404)
    await call(app, null, 'GET', `/api/v1/polls/${secret.poll!.id}`, 404)
    await call(app, null, 'GET', '/api/v1/polls/123456789012345678', 404)
  })
})

describe('POST /api/v1/polls/:id/votes', () => {
  it('counts one vote per person, in the options, votes and voters', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    const p = await post(app, ana, { status: 'Lunch?', poll: poll(['Soup', 'Salad', 'Both']) })
    const afterBen = asPoll((await call(app, ben, 'POST', vote(p.poll!.id), 200, { choices: [2] })).json())
    assert.equal(afterBen.voted, true)
    assert.deepEqual(afterBen.own_votes, [2])
    assert.equal(afterBen.votes_count, 1)
    assert.equal(afterBen.voters_count, null, 'only multiple-choice polls show voters')
    await call(app, cam, 'POST', vote(p.poll!.id), 200, { choices: [0] })
    const seen = asPoll((await call(app, ana, 'GET', `/api/v1/polls/${p.poll!.id}`)).json())
    assert.deepEqual(
      seen.options.map((o) => o.votes_count),
      [1, 0, 1],
    )
    assert.equal(seen.votes_count, 2)
    assert.equal(seen.voted, false)
  })

  it('takes several choices in a multiple-choice poll, counting the voter once', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'Which days?', poll: poll(['Mon', 'Tue', 'Wed'], { multiple: true }) })
    // Form-encoded, as Mastodon clients may send it.
    const res = await app.inject({
      method: 'POST',
      url: vote(p.poll!.id),
      headers: { ...ben.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'choices[]=0&choices[]=2',
    })
    assert.equal(res.statusCode, 200, res.body)
    const after = asPoll(res.json())
    assert.equal(after.votes_count, 2)
    assert.equal(after.voters_count, 1)
    assert.deepEqual(after.own_votes, [0, 2])
  })

  it('refuses a second vote, one’s own poll, a closed poll and bad choices with 422, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    const single = await post(app, ana, { status: 'One?', poll: poll(['a', 'b']) })
    const multi = await post(app, ana, { status: 'Many?', poll: poll(['a', 'b', 'c'], { multiple: true }) })
    await call(app, ben, 'POST', vote(single.poll!.id), 200, { choices: [0] })
    const before = await countRows(ctx, INTERACTION_TABLES)
    const refused: [typeof ana, string, unknown[], string | RegExp][] = [
      [ben, single.poll!.id, [1], /already voted/],
      [ana, single.poll!.id, [0], /own poll/],
      [cam, single.poll!.id, [0, 1], /only one/],
      [cam, single.poll!.id, [2], /no such option/],
      [cam, single.poll!.id, [-1], /no such option/],
      [cam, single.poll!.id, [], /Choose/],
      [cam, multi.poll!.id, [1, 1], /twice/],
      [cam, multi.poll!.id, [0, 3], /no such option/],
    ]
    for (const [who, id, choices, message] of refused) {
      const res = await call(app, who, 'POST', vote(id), 422, { choices })
      assert.match(res.json().error, message instanceof RegExp ? message : new RegExp(message))
    }
    await call(app, cam, 'POST', vote(single.poll!.id), 400, { choices: ['first'] })
    await call(app, cam, 'POST', vote(single.poll!.id), 400, {})

    const realNow = ctx.clock.now
    ctx.clock.now = () => new Date(realNow().getTime() + 2 * 3600 * 1000)
    const closed = await call(app, cam, 'POST', vote(single.poll!.id), 422, { choices: [0] })
    assert.match(closed.json().error, /ended/)
    const expired = asPoll((await call(app, cam, 'GET', `/api/v1/polls/${single.poll!.id}`)).json())
    assert.equal(expired.expired, true)
    ctx.clock.now = realNow
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
  })

  it('answers 404 to someone who may not see the poll, and needs write:statuses', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const reader = await given.account('cam', { scopes: 'read' })
    const secret = await post(app, ana, { status: 'x', visibility: 'friends', poll: poll(['a', 'b']) })
    const open = await post(app, ana, { status: 'y', poll: poll(['a', 'b']) })
    const before = await countRows(ctx, INTERACTION_TABLES)
    await call(app, ben, 'POST', vote(secret.poll!.id), 404, { choices: [0] })
    await call(app, reader, 'POST', vote(open.poll!.id), 403, { choices: [0] })
    await call(app, null, 'POST', vote(open.poll!.id), 401, { choices: [0] })
    await block(ctx, ana, ben)
    await call(app, ben, 'POST', vote(open.poll!.id), 404, { choices: [0] })
    await call(app, ben, 'GET', `/api/v1/polls/${open.poll!.id}`, 404)
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
  })

  it('accepts exactly one of many racing votes by the same person', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'race', poll: poll(['a', 'b', 'c', 'd'], { multiple: true }) })
    const choices = [[0], [1], [2], [3], [0, 1], [2, 3]]
    const codes = await Promise.all(
      choices.map((c) =>
        app.inject({ method: 'POST', url: vote(p.poll!.id), headers: ben.auth, payload: { choices: c } }),
      ),
    ).then((all) => all.map((r) => r.statusCode))
    assert.equal(codes.filter((c) => c === 200).length, 1, String(codes))
    assert.equal(codes.filter((c) => c === 422).length, choices.length - 1, String(codes))
    const after = asPoll((await call(app, ana, 'GET', `/api/v1/polls/${p.poll!.id}`)).json())
    const votes = (await countRows(ctx, ['poll_votes'])).poll_votes
    assert.equal(after.voters_count, 1)
    assert.equal(after.votes_count, votes)
    assert.equal(
      after.options.reduce((n, o) => n + (o.votes_count ?? 0), 0),
      votes,
    )
  })
})
