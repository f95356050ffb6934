// Fixtures for the tests of interactions, edits and polls: posting through the API, and the few
// graph edges and uploads those tests need.
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Value } from 'typebox/value'
import type { AppContext } from '#server/context.ts'
import { blockAccount } from '#server/domain/graph/block.ts'
import { followAccount } from '#server/domain/graph/follow.ts'
import { acceptFriendRequest, sendFriendRequest } from '#server/domain/graph/friends.ts'
import { mediaRoot } from '#server/domain/media/storage.ts'
import { forgetHomeFeeds } from '#server/domain/timelines/home-feed.ts'
import { newId } from '#shared/id.ts'
import { Status } from '#shared/mastodon-statuses.ts'
import type { buildTestApp, TestAccount } from '../../../../helpers.ts'

type App = Awaited<ReturnType<typeof buildTestApp>>['app']

/** Every table an interaction, edit or vote may touch: a refused request must leave all of them as they were. */
export const INTERACTION_TABLES = [
  'posts',
  'reactions',
  'bookmarks',
  'pins',
  'post_edits',
  'post_mentions',
  'post_tags',
  'polls',
  'poll_options',
  'poll_votes',
  'media_attachments',
  'markers',
]

export async function post(app: App, who: TestAccount, payload: object): Promise<Status> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/statuses', headers: who.auth, payload })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

/** A request as `who` (or signed out); asserts the status code and, for 200, returns the JSON. */
export async function call(
  app: App,
  who: TestAccount | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  expected = 200,
  payload?: object,
) {
  const res = await app.inject({ method, url, headers: who?.auth ?? {}, payload })
  assert.equal(res.statusCode, expected, `${method} ${url} → ${res.body}`)
  if (expected !== 200) assert.ok(res.json().error, 'an error message')
  return res
}

/** Asserts a Mastodon Status entity and returns it. */
export function status(json: unknown): Status {
  assert.ok(Value.Check(Status, json), `a Status entity: ${JSON.stringify([...Value.Errors(Status, json)][0])}`)
  return json as Status
}

export async function show(app: App, who: TestAccount | null, id: string): Promise<Status> {
  return status((await call(app, who, 'GET', `/api/v1/statuses/${id}`)).json())
}

// Graph changes through the domain; the home feed cache is dropped so the next read rebuilds it.
export async function follow(ctx: AppContext, from: TestAccount, to: TestAccount) {
  await followAccount(ctx, from.account, to.account.id)
  forgetHomeFeeds(ctx, [from.account.id])
}

export async function befriend(ctx: AppContext, a: TestAccount, b: TestAccount) {
  await sendFriendRequest(ctx, a.account, b.account.id)
  await acceptFriendRequest(ctx, b.account, a.account.id)
  forgetHomeFeeds(ctx, [a.account.id, b.account.id])
}

export async function block(ctx: AppContext, from: TestAccount, to: TestAccount) {
  await blockAccount(ctx, from.account, to.account.id)
  forgetHomeFeeds(ctx, [from.account.id, to.account.id])
}

// TODO: upload through POST /api/v2/media once the media area lands.
/** An uploaded, not yet attached photo with a file on disk. */
export async function upload(ctx: AppContext, who: TestAccount): Promise<{ id: string; dir: string }> {
  const id = newId()
  const key = `media/${id}`
  const dir = path.join(mediaRoot(ctx), key)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'original.webp'), 'not really a picture')
  await ctx.db
    .insertInto('media_attachments')
    .values({
      id,
      account_id: who.account.id,
      post_id: null,
      position: 0,
      type: 'image',
      file_key: key,
      blurhash: null,
      description: '',
      focus_x: 0,
      focus_y: 0,
      width: 4,
      height: 3,
      small_width: 4,
      small_height: 3,
      created_at: new Date().toISOString(),
    })
    .execute()
  return { id, dir }
}
