// Who sees what: author × viewer relationship × audience × endpoint. Every cell is asserted,
// so a leak through any listed endpoint fails here.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { blockAccount } from '#server/domain/graph/block.ts'
import { followAccount } from '#server/domain/graph/follow.ts'
import { acceptFriendRequest, sendFriendRequest } from '#server/domain/graph/friends.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { buildTestApp } from '../../helpers.ts'

const AUDIENCES = ['public', 'unlisted', 'private', 'friends', 'direct'] as const
type Audience = (typeof AUDIENCES)[number]
type ViewerName = 'author' | 'friend' | 'follower' | 'mentioned' | 'stranger' | 'blocked' | 'anonymous'

// Which audiences each viewer may see (the direct post mentions only "mentioned").
const MAY_SEE: Record<ViewerName, Audience[]> = {
  author: ['public', 'unlisted', 'private', 'friends', 'direct'],
  friend: ['public', 'unlisted', 'private', 'friends'],
  follower: ['public', 'unlisted', 'private'],
  mentioned: ['public', 'unlisted', 'direct'],
  stranger: ['public', 'unlisted'],
  blocked: [],
  anonymous: ['public', 'unlisted'],
}
// Home shows posts of people one follows (friends follow each other); direct posts are not feed posts.
const IN_HOME: Record<ViewerName, Audience[]> = {
  author: ['public', 'unlisted', 'private', 'friends', 'direct'],
  friend: ['public', 'unlisted', 'private', 'friends'],
  follower: ['public', 'unlisted', 'private'],
  mentioned: [],
  stranger: [],
  blocked: [],
  anonymous: [],
}

describe('visibility matrix', () => {
  it('shows each audience to exactly the right people, on every endpoint', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const author = await given.account('author')
    const friend = await given.account('friend')
    const follower = await given.account('follower')
    const mentioned = await given.account('mentioned')
    const stranger = await given.account('stranger')
    const blocked = await given.account('blocked')
    await sendFriendRequest(ctx, friend.account, author.account.id)
    await acceptFriendRequest(ctx, author.account, friend.account.id)
    await followAccount(ctx, follower.account, author.account.id)
    await followAccount(ctx, blocked.account, author.account.id)
    await blockAccount(ctx, author.account, blocked.account.id)

    const ids = {} as Record<Audience, string>
    for (const audience of AUDIENCES) {
      const text = audience === 'direct' ? `@mentioned psst #matrix` : `${audience} news #matrix`
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/statuses',
        headers: author.auth,
        payload: { status: text, visibility: audience },
      })
      assert.equal(res.statusCode, 200, res.body)
      ids[audience] = res.json().id
    }
    const audienceOf = (id: string) => AUDIENCES.find((a) => ids[a] === id)!
    const headersOf: Record<ViewerName, Record<string, string>> = {
      author: author.auth,
      friend: friend.auth,
      follower: follower.auth,
      mentioned: mentioned.auth,
      stranger: stranger.auth,
      blocked: blocked.auth,
      anonymous: {},
    }
    const list = async (url: string, headers: Record<string, string>) => {
      const res = await app.inject({ url, headers })
      if (res.statusCode === 404 || res.statusCode === 401) return []
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`)
      return (res.json() as Status[]).map((s) => audienceOf(s.id)).filter(Boolean)
    }
    const sorted = (xs: Audience[]) => [...xs].sort()

    for (const [viewer, headers] of Object.entries(headersOf) as [ViewerName, Record<string, string>][]) {
      const may = MAY_SEE[viewer]
      for (const audience of AUDIENCES) {
        const expected = may.includes(audience) ? 200 : 404
        const one = await app.inject({ url: `/api/v1/statuses/${ids[audience]}`, headers })
        assert.equal(one.statusCode, expected, `${viewer} GET ${audience} status`)
        const context = await app.inject({ url: `/api/v1/statuses/${ids[audience]}/context`, headers })
        assert.equal(context.statusCode, expected, `${viewer} GET ${audience} context`)
      }
      const profile = await list(`/api/v1/accounts/${author.account.id}/statuses`, headers)
      assert.deepEqual(sorted(profile), sorted(may), `${viewer}: account statuses`)
      const pub = await list('/api/v1/timelines/public', headers)
      assert.deepEqual(pub, may.includes('public') ? ['public'] : [], `${viewer}: public timeline`)
      const tag = await list('/api/v1/timelines/tag/matrix', headers)
      const tagExpected = viewer === 'anonymous' ? ['public'] : may.filter((a) => a !== 'direct')
      assert.deepEqual(sorted(tag), sorted(tagExpected as Audience[]), `${viewer}: tag timeline`)
      if (viewer !== 'anonymous') {
        const home = await list('/api/v1/timelines/home', headers)
        assert.deepEqual(sorted(home), sorted(IN_HOME[viewer]), `${viewer}: home timeline`)
      }
    }

    // Changing the audience takes effect everywhere at once (every read re-checks it).
    await ctx.db.updateTable('posts').set({ visibility: 'friends' }).where('id', '=', ids.public).execute()
    assert.deepEqual(await list('/api/v1/timelines/public', {}), [])
    assert.equal(
      (await list('/api/v1/timelines/home', follower.auth)).includes('public'),
      false,
      'follower no longer sees it in home',
    )
    assert.equal((await app.inject({ url: `/api/v1/statuses/${ids.public}`, headers: stranger.auth })).statusCode, 404)
  })
})
