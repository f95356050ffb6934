import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { describe, it } from 'node:test'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { createContentFilter } from '#server/domain/filters/content-filters.ts'
import { type Status, StatusEdit } from '#shared/mastodon-statuses.ts'
import { buildTestApp, countRows } from '../../../../helpers.ts'
import { befriend, block, call, follow, INTERACTION_TABLES, post, show, status, upload } from './post-helpers.ts'

type Edit = Type.Static<typeof StatusEdit>
const edit = (
  app: Parameters<typeof call>[0],
  who: Parameters<typeof call>[1],
  id: string,
  payload: object,
  code = 200,
) => call(app, who, 'PUT', `/api/v1/statuses/${id}`, code, payload)
const history = async (app: Parameters<typeof call>[0], who: Parameters<typeof call>[1], id: string) => {
  const json = (await call(app, who, 'GET', `/api/v1/statuses/${id}/history`)).json()
  assert.ok(Value.Check(Type.Array(StatusEdit), json), 'StatusEdit[]')
  return json as Edit[]
}

describe('PUT /api/v1/statuses/:id', () => {
  it('edits text, mentions and tags, and keeps every version with the original first', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    await given.account('ben')
    await given.account('cam')
    const p = await post(app, ana, { status: 'Yard sale Saturday #Sale @ben', language: 'en' })
    const once = status(
      (await edit(app, ana, p.id, { status: 'Yard sale Sunday #Market @cam', spoiler_text: 'moved' })).json(),
    )
    assert.match(once.content, /Sunday/)
    assert.ok(once.edited_at)
    assert.equal(once.spoiler_text, 'moved')
    assert.equal(once.sensitive, true, 'a content warning makes it sensitive')
    assert.equal(once.language, 'en', 'kept when not given')
    assert.deepEqual(
      once.mentions.map((m) => m.username),
      ['cam'],
    )
    assert.deepEqual(
      once.tags.map((x) => x.name),
      ['market'],
    )
    await edit(app, ana, p.id, { status: 'Yard sale Sunday, 9 to 12' })
    const versions = await history(app, null, p.id)
    assert.equal(versions.length, 3)
    assert.match(versions[0]!.content, /Saturday/)
    assert.equal(versions[0]!.created_at, p.created_at)
    assert.equal(versions[1]!.spoiler_text, 'moved')
    assert.match(versions[2]!.content, /9 to 12/)
    assert.equal(versions[2]!.spoiler_text, '', 'replaced as a whole, as Mastodon does')
    assert.equal(versions[2]!.account.username, 'ana')
    const tagged = (await call(app, null, 'GET', '/api/v1/timelines/tag/sale')).json()
    assert.deepEqual(tagged, [], 'the old tag is gone')
  })

  it('keeps the person answered in a comment’s mentions, so they keep reading it', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const dm = await post(app, ben, { status: '@ana a question', visibility: 'direct' })
    const reply = await post(app, ana, { status: 'an answer', in_reply_to_id: dm.id })
    await edit(app, ana, reply.id, { status: 'a better answer' })
    assert.match((await show(app, ben, reply.id)).content, /better/)
  })

  it('attaches and detaches photos; a detached photo is deleted with its files; alt text is updated', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const [m1, m2, m3] = [await upload(ctx, ana), await upload(ctx, ana), await upload(ctx, ana)]
    const p = await post(app, ana, { status: 'garden', media_ids: [m1.id, m2.id] })
    const edited = status(
      (
        await edit(app, ana, p.id, {
          status: 'garden, new photo',
          media_ids: [m3.id, m1.id],
          media_attributes: [{ id: m1.id, description: 'Tomatoes', focus: '0.5,-0.25' }],
        })
      ).json(),
    )
    assert.deepEqual(
      edited.media_attachments.map((m) => m.id),
      [m3.id, m1.id],
    )
    assert.equal(edited.media_attachments[1]!.description, 'Tomatoes')
    assert.deepEqual(edited.media_attachments[1]!.meta.focus, { x: 0.5, y: -0.25 })
    assert.equal(existsSync(m2.dir), false, 'the file is gone')
    assert.equal(
      (await ctx.db.selectFrom('media_attachments').select('id').where('id', '=', m2.id).executeTakeFirst()) ?? null,
      null,
    )
    assert.ok(existsSync(m1.dir) && existsSync(m3.dir))
    const versions = await history(app, ana, p.id)
    assert.deepEqual(
      versions.map((v) => v.media_attachments.map((m) => m.id)),
      [[m1.id], [m3.id, m1.id]],
      'a deleted photo no longer shows in older versions',
    )
  })

  it('keeps votes when only the end of a poll changes, resets them when the choices change, and drops it', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'Picnic?', poll: { options: ['Sat', 'Sun'], expires_in: 3600 } })
    await call(app, ben, 'POST', `/api/v1/polls/${p.poll!.id}/votes`, 200, { choices: [1] })
    const longer = status(
      (await edit(app, ana, p.id, { status: 'Picnic?', poll: { options: ['Sat', 'Sun'], expires_in: 7200 } })).json(),
    )
    assert.equal(longer.poll!.id, p.poll!.id)
    assert.equal(longer.poll!.votes_count, 1)
    assert.ok(longer.poll!.expires_at! > p.poll!.expires_at!)
    const changed = status(
      (
        await edit(app, ana, p.id, {
          status: 'Picnic?',
          poll: { options: ['Sat', 'Sun', 'Mon'], expires_in: 3600, multiple: true },
        })
      ).json(),
    )
    assert.equal(changed.poll!.votes_count, 0)
    assert.equal(changed.poll!.multiple, true)
    assert.deepEqual(
      changed.poll!.options.map((o) => [o.title, o.votes_count]),
      [
        ['Sat', 0],
        ['Sun', 0],
        ['Mon', 0],
      ],
    )
    assert.equal((await countRows(ctx, ['poll_votes'])).poll_votes, 0)
    const seenByBen = await show(app, ben, p.id)
    assert.equal(seenByBen.poll!.voted, false, 'Ben may vote again')
    const versions = await history(app, ana, p.id)
    assert.deepEqual(
      versions.map((v) => v.poll?.options.map((o) => o.title)),
      [
        ['Sat', 'Sun'],
        ['Sat', 'Sun'],
        ['Sat', 'Sun', 'Mon'],
      ],
    )
    const noPoll = status((await edit(app, ana, p.id, { status: 'Picnic is off' })).json())
    assert.equal(noPoll.poll, null)
    assert.deepEqual(await countRows(ctx, ['polls', 'poll_options']), { polls: 0, poll_options: 0 })
    const added = status(
      (
        await edit(app, ana, p.id, { status: 'Picnic back on?', poll: { options: ['yes', 'no'], expires_in: 600 } })
      ).json(),
    )
    assert.deepEqual(
      added.poll!.options.map((o) => o.title),
      ['yes', 'no'],
    )
  })

  it('reads an edit through the server-wide filters: a blocked word is refused, a flagged one holds the post', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    await createContentFilter(ctx, null, { pattern: 'spamword', kind: 'word', action: 'block' })
    await createContentFilter(ctx, null, { pattern: 'shady', kind: 'word', action: 'flag' })
    const p = await post(app, ana, { status: 'clean' })
    await edit(app, ana, p.id, { status: 'buy spamword now' }, 422)
    assert.match((await show(app, ben, p.id)).content, /clean/)
    await edit(app, ana, p.id, { status: 'a shady deal' })
    await call(app, ben, 'GET', `/api/v1/statuses/${p.id}`, 404)
    assert.match((await show(app, ana, p.id)).content, /shady/, 'the author still sees it')
  })

  it('refuses someone else’s post with 404, and bad edits with 422 or 400, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const bensPhoto = await upload(ctx, ben)
    const p = await post(app, ana, { status: 'original' })
    const share = status((await call(app, ana, 'POST', `/api/v1/statuses/${p.id}/reblog`)).json())
    const before = await countRows(ctx, INTERACTION_TABLES)
    await edit(app, ben, p.id, { status: 'hacked' }, 404)
    await edit(app, ana, share.id, { status: 'x' }, 422)
    await edit(app, ana, '123456789012345678', { status: 'x' }, 404)
    const bad: [object, number][] = [
      [{ status: '' }, 422],
      [{ status: 'x'.repeat(5001) }, 422],
      [{ status: 'x', spoiler_text: 'y'.repeat(501) }, 422],
      [{ status: 'x', media_ids: [bensPhoto.id] }, 422],
      [{ status: 'x', poll: { options: ['only'], expires_in: 3600 } }, 422],
      [{ status: 'x', poll: { options: ['a', 'b'], expires_in: 3600 }, media_ids: [bensPhoto.id] }, 422],
      [{ status: 'x', media_attributes: [{ id: 'x' }] }, 400],
      [{ status: 'x', language: 'English!' }, 400],
    ]
    for (const [payload, code] of bad) await edit(app, ana, p.id, payload, code)
    await call(app, null, 'PUT', `/api/v1/statuses/${p.id}`, 401, { status: 'x' })
    const reader = await given.account('cam', { scopes: 'read' })
    await call(app, reader, 'PUT', `/api/v1/statuses/${p.id}`, 403, { status: 'x' })
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
    const after = await show(app, ana, p.id)
    assert.equal(after.edited_at, null)
    assert.match(after.content, /original/)
  })
})

describe('GET /api/v1/statuses/:id/history and /source', () => {
  it('shows one version for a post never edited, to those who may see it; the source only to the author', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    await befriend(ctx, ana, ben)
    const p = await post(app, ana, { status: 'hello <friends>', visibility: 'friends', spoiler_text: 'cw' })
    const versions = await history(app, ben, p.id)
    assert.equal(versions.length, 1)
    assert.equal(versions[0]!.content, p.content)
    await call(app, cam, 'GET', `/api/v1/statuses/${p.id}/history`, 404)
    await call(app, null, 'GET', `/api/v1/statuses/${p.id}/history`, 404)
    await edit(app, ana, p.id, { status: 'hello again' })
    await block(ctx, ana, ben)
    await call(app, ben, 'GET', `/api/v1/statuses/${p.id}/history`, 404)

    const source = (await call(app, ana, 'GET', `/api/v1/statuses/${p.id}/source`)).json()
    assert.deepEqual(source, { id: p.id, text: 'hello again', spoiler_text: '' })
    await call(app, cam, 'GET', `/api/v1/statuses/${p.id}/source`, 404)
    const open = await post(app, ana, { status: 'public one' })
    await call(app, cam, 'GET', `/api/v1/statuses/${open.id}/source`, 404)
    await call(app, null, 'GET', `/api/v1/statuses/${open.id}/source`, 401)
  })
})

describe('PUT /api/kith/v1/statuses/:id/visibility', () => {
  it('takes effect everywhere at once: a follower’s home feed and the public timeline drop a post made friends-only', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const fan = await given.account('fan')
    await befriend(ctx, ana, ben)
    await follow(ctx, fan, ana)
    const p = await post(app, ana, { status: 'Party at mine' })
    const feedIds = async (who: typeof ana | null, url: string) =>
      ((await call(app, who, 'GET', url)).json() as Status[]).map((s) => s.id)
    // Fill the home feed caches first: the change must show through them too.
    assert.deepEqual(await feedIds(fan, '/api/v1/timelines/home'), [p.id])
    assert.deepEqual(await feedIds(null, '/api/v1/timelines/public'), [p.id])

    const changed = status(
      (await call(app, ana, 'PUT', `/api/kith/v1/statuses/${p.id}/visibility`, 200, { visibility: 'friends' })).json(),
    )
    assert.equal(changed.kith.visibility, 'friends')
    assert.equal(changed.visibility, 'private')
    assert.deepEqual(await feedIds(fan, '/api/v1/timelines/home'), [])
    assert.deepEqual(await feedIds(fan, '/api/v1/timelines/public'), [])
    assert.deepEqual(await feedIds(null, '/api/v1/timelines/public'), [])
    await call(app, fan, 'GET', `/api/v1/statuses/${p.id}`, 404)
    assert.deepEqual(await feedIds(ben, '/api/v1/timelines/home'), [p.id], 'a friend still sees it')

    await call(app, ana, 'PUT', `/api/kith/v1/statuses/${p.id}/visibility`, 200, { visibility: 'public' })
    assert.deepEqual(await feedIds(fan, '/api/v1/timelines/home'), [p.id], 'and back')
  })

  it('narrows the comments below and withdraws shares the new audience does not allow', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const cam = await given.account('cam')
    await befriend(ctx, ana, ben)
    const p = await post(app, ana, { status: 'news' })
    const comment = await post(app, cam, { status: 'nice', in_reply_to_id: p.id })
    await call(app, cam, 'POST', `/api/v1/statuses/${p.id}/reblog`)
    const own = status((await call(app, ana, 'POST', `/api/v1/statuses/${p.id}/reblog`)).json())
    assert.equal((await show(app, ana, p.id)).reblogs_count, 2)

    const res = await call(app, ana, 'PUT', `/api/kith/v1/statuses/${p.id}/visibility`, 200, { visibility: 'friends' })
    assert.equal(status(res.json()).reblogs_count, 1, 'Cam’s share is withdrawn, Ana’s own stays')
    assert.equal((await show(app, ana, own.id)).kith.visibility, 'friends')
    assert.equal((await show(app, cam, comment.id)).kith.visibility, 'friends', 'the comment is narrowed too')
    const camCount = (await call(app, cam, 'GET', '/api/v1/accounts/verify_credentials')).json().statuses_count
    assert.equal(camCount, 1)

    // A comment never goes wider than its post.
    const c2 = await post(app, ana, { status: 'more', in_reply_to_id: p.id, visibility: 'friends' })
    const wide = status(
      (await call(app, ana, 'PUT', `/api/kith/v1/statuses/${c2.id}/visibility`, 200, { visibility: 'public' })).json(),
    )
    assert.equal(wide.kith.visibility, 'friends')
  })

  it('refuses others’ posts with 404 and bad audiences with 400, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const p = await post(app, ana, { status: 'x' })
    const before = await countRows(ctx, INTERACTION_TABLES)
    await call(app, ben, 'PUT', `/api/kith/v1/statuses/${p.id}/visibility`, 404, { visibility: 'direct' })
    await call(app, ana, 'PUT', `/api/kith/v1/statuses/${p.id}/visibility`, 400, { visibility: 'everyone' })
    await call(app, ana, 'PUT', `/api/kith/v1/statuses/${p.id}/visibility`, 400, {})
    assert.deepEqual(await countRows(ctx, INTERACTION_TABLES), before)
    assert.equal((await show(app, ben, p.id)).kith.visibility, 'public')
  })
})
