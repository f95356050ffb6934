import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { followAccount, unfollowAccount } from '#server/domain/graph/follow.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { buildTestApp, countRows } from '../../../helpers.ts'

const POST_TABLES = [
  'posts',
  'post_mentions',
  'post_tags',
  'tags',
  'polls',
  'poll_options',
  'media_attachments',
  'idempotency_keys',
]

describe('POST /api/v1/statuses', () => {
  it('creates a status with rendered HTML, mentions and tags, and counts it', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    await given.account('ben')
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: ana.auth,
      payload: { status: 'Tomatoes are in! @ben #Garden <b>hi</b>', visibility: 'unlisted', language: 'en' },
    })
    assert.equal(res.statusCode, 200, res.body)
    const s: Status = res.json()
    assert.equal(s.visibility, 'unlisted')
    assert.equal(s.account.username, 'ana')
    assert.deepEqual(
      s.mentions.map((m) => m.acct),
      ['ben'],
    )
    assert.deepEqual(
      s.tags.map((x) => x.name),
      ['garden'],
    )
    assert.ok(!s.content.includes('<b>'))
    assert.equal(s.favourited, false)
    const me = await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: ana.auth })
    assert.equal(me.json().statuses_count, 1)
  })

  it('shows friends-only posts to Mastodon clients as private, with the Kith audience alongside', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: ana.auth,
      payload: { status: 'for friends', visibility: 'friends' },
    })
    assert.equal(res.json().visibility, 'private')
    assert.equal(res.json().kith.visibility, 'friends')
  })

  it('returns the first post again for a retried Idempotency-Key', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const post = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/statuses',
        headers: { ...ana.auth, 'idempotency-key': 'abc-123' },
        payload: { status: 'once' },
      })
    const a = await post()
    const b = await post()
    assert.equal(a.json().id, b.json().id)
    assert.equal((await countRows(ctx, ['posts'])).posts, 1)
  })

  it('creates a poll, and refuses bad polls, over-long text and unknown media, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/statuses', headers: ana.auth, payload })
    const poll = await post({ status: 'Picnic day?', poll: { options: ['Sat', 'Sun'], expires_in: 3600 } })
    assert.equal(poll.statusCode, 200, poll.body)
    assert.deepEqual(
      poll.json().poll.options.map((o: { title: string }) => o.title),
      ['Sat', 'Sun'],
    )
    const before = await countRows(ctx, POST_TABLES)
    const bad: [object, number][] = [
      [{ status: '' }, 422],
      [{ status: 'x'.repeat(5001) }, 422],
      [{ status: 'x', poll: { options: ['only'], expires_in: 3600 } }, 422],
      [{ status: 'x', poll: { options: ['a', 'a'], expires_in: 3600 } }, 422],
      [{ status: 'x', poll: { options: ['a', 'b'], expires_in: 5 } }, 422],
      [{ status: 'x', media_ids: ['123456789012345678'] }, 422],
      [{ status: 'x', visibility: 'everyone' }, 400],
      [{ status: 'x', in_reply_to_id: '../../etc/passwd' }, 400],
      [{ status: 'x', in_reply_to_id: '123456789012345678' }, 404],
      [{ status: { nested: true } }, 400],
    ]
    for (const [payload, code] of bad) {
      const res = await post(payload)
      assert.equal(res.statusCode, code, `${JSON.stringify(payload)} → ${res.body}`)
      assert.ok(res.json().error)
    }
    assert.deepEqual(await countRows(ctx, POST_TABLES), before)
  })

  it('needs a token with write:statuses', async (t) => {
    const { app, given } = await buildTestApp(t)
    const reader = await given.account('ana', { scopes: 'read' })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: reader.auth,
      payload: { status: 'x' },
    })
    assert.equal(res.statusCode, 403)
    assert.equal(
      (await app.inject({ method: 'POST', url: '/api/v1/statuses', payload: { status: 'x' } })).statusCode,
      401,
    )
  })
})

describe('GET /api/v1/statuses/:id/context and replies', () => {
  it('threads comments, narrows the audience of replies and counts them', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const post = (who: typeof ana, payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/statuses', headers: who.auth, payload })
    const root = (await post(ana, { status: 'Lost cat on Elm St', visibility: 'public' })).json()
    const c1 = (await post(ben, { status: 'Seen near the park', in_reply_to_id: root.id, visibility: 'public' })).json()
    const c2 = (await post(ana, { status: 'Thanks!', in_reply_to_id: c1.id })).json()
    assert.equal(c1.in_reply_to_account_id, ana.account.id)
    assert.equal(c2.kith.thread_id, root.id)
    const ctx1 = (await app.inject({ url: `/api/v1/statuses/${c1.id}/context` })).json()
    assert.deepEqual(
      ctx1.ancestors.map((s: Status) => s.id),
      [root.id],
    )
    assert.deepEqual(
      ctx1.descendants.map((s: Status) => s.id),
      [c2.id],
    )
    const again = (await app.inject({ url: `/api/v1/statuses/${root.id}`, headers: ana.auth })).json()
    assert.equal(again.replies_count, 1)

    const secret = (await post(ana, { status: 'friends only', visibility: 'friends' })).json()
    const reply = (
      await post(ana, { status: 'a public answer?', in_reply_to_id: secret.id, visibility: 'public' })
    ).json()
    assert.equal(reply.kith.visibility, 'friends', 'a reply is never wider than its post')
  })
})

describe('DELETE /api/v1/statuses/:id', () => {
  it('deletes one’s own post (with its source), refuses others with 404, and it vanishes from feeds', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const s = (
      await app.inject({ method: 'POST', url: '/api/v1/statuses', headers: ana.auth, payload: { status: 'oops' } })
    ).json()
    const home = async () =>
      (await app.inject({ url: '/api/v1/timelines/home', headers: ana.auth })).json().map((x: Status) => x.id)
    assert.deepEqual(await home(), [s.id])
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `/api/v1/statuses/${s.id}`, headers: ben.auth })).statusCode,
      404,
    )
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/statuses/${s.id}`, headers: ana.auth })
    assert.equal(del.statusCode, 200)
    assert.equal(del.json().text, 'oops')
    assert.deepEqual(await home(), [])
    assert.equal((await app.inject({ url: `/api/v1/statuses/${s.id}`, headers: ana.auth })).statusCode, 404)
  })
})

describe('GET /api/v1/timelines/home', () => {
  it('pages newest first with Link headers, through max_id, since_id and min_id', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ids: string[] = []
    for (let i = 0; i < 7; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/statuses',
        headers: ana.auth,
        payload: { status: `post ${i}` },
      })
      ids.push(res.json().id)
    }
    const newest = [...ids].reverse()
    const page1 = await app.inject({ url: '/api/v1/timelines/home?limit=3', headers: ana.auth })
    assert.deepEqual(
      page1.json().map((s: Status) => s.id),
      newest.slice(0, 3),
    )
    const link = String(page1.headers.link)
    const next = link.match(/<([^>]+)>; rel="next"/)![1]!
    assert.match(link, /rel="prev"/)
    const page2 = await app.inject({ url: next.replace('http://kith.test', ''), headers: ana.auth })
    assert.deepEqual(
      page2.json().map((s: Status) => s.id),
      newest.slice(3, 6),
    )
    const since = await app.inject({ url: `/api/v1/timelines/home?since_id=${ids[4]}`, headers: ana.auth })
    assert.deepEqual(
      since.json().map((s: Status) => s.id),
      [ids[6], ids[5]],
    )
    const min = await app.inject({ url: `/api/v1/timelines/home?min_id=${ids[1]}&limit=2`, headers: ana.auth })
    assert.deepEqual(
      min.json().map((s: Status) => s.id),
      [ids[3], ids[2]],
    )
    assert.equal((await app.inject({ url: '/api/v1/timelines/home?limit=1000', headers: ana.auth })).statusCode, 400)
    assert.equal((await app.inject({ url: '/api/v1/timelines/home' })).statusCode, 401)
  })
})

describe('GET /api/v1/timelines/home after graph changes', () => {
  it('brings in a newly followed author’s earlier posts, and drops an unfollowed one’s at once', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const old = (
      await app.inject({ method: 'POST', url: '/api/v1/statuses', headers: ana.auth, payload: { status: 'old news' } })
    ).json()
    const home = async () =>
      (await app.inject({ url: '/api/v1/timelines/home', headers: ben.auth })).json().map((x: Status) => x.id)
    assert.deepEqual(await home(), [], 'the feed is cached now')
    await followAccount(ctx, ben.account, ana.account.id)
    assert.deepEqual(await home(), [old.id])
    const fresh = (
      await app.inject({ method: 'POST', url: '/api/v1/statuses', headers: ana.auth, payload: { status: 'new' } })
    ).json()
    assert.deepEqual(await home(), [fresh.id, old.id], 'pushed on post')
    await unfollowAccount(ctx, ben.account, ana.account.id)
    assert.deepEqual(await home(), [])
  })
})

describe('GET /api/v1/timelines/public and /tag/:hashtag', () => {
  it('lists public top-level posts, and tagged ones, for anyone', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/statuses', headers: ana.auth, payload })
    const pub = (await post({ status: 'Street fair Saturday #MapleFair' })).json()
    await post({ status: 'quiet #maplefair', visibility: 'unlisted' })
    await post({ status: 'friends #maplefair', visibility: 'friends' })
    const anon = (await app.inject({ url: '/api/v1/timelines/public' })).json()
    assert.deepEqual(
      anon.map((s: Status) => s.id),
      [pub.id],
    )
    const tagAnon = (await app.inject({ url: '/api/v1/timelines/tag/maplefair' })).json()
    assert.deepEqual(
      tagAnon.map((s: Status) => s.id),
      [pub.id],
    )
    const tagOwn = (await app.inject({ url: '/api/v1/timelines/tag/MapleFair', headers: ana.auth })).json()
    assert.equal(tagOwn.length, 3)
  })
})
