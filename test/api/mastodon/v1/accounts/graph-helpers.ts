// Steps of the social graph driven through the HTTP API, and a check that every account's
// counters equal the rows they count.
import assert from 'node:assert/strict'
import { Value } from 'typebox/value'
import type { AppContext } from '#server/context.ts'
import { type Account, Relationship } from '#shared/mastodon-entities.ts'
import type { buildTestApp, TestAccount } from '../../../../helpers.ts'

type App = Awaited<ReturnType<typeof buildTestApp>>['app']

/** POST (or DELETE) as `who` with a bearer token; asserts the status and returns the JSON. */
export async function act(
  app: App,
  who: TestAccount,
  url: string,
  opts: { method?: 'POST' | 'DELETE' | 'PATCH'; status?: number; payload?: object } = {},
) {
  const res = await app.inject({ method: opts.method ?? 'POST', url, headers: who.auth, payload: opts.payload })
  assert.equal(res.statusCode, opts.status ?? 200, `${opts.method ?? 'POST'} ${url}: ${res.body}`)
  return res.json()
}

export async function relationship(app: App, who: TestAccount, other: TestAccount) {
  const res = await app.inject({ url: `/api/v1/accounts/relationships?id[]=${other.account.id}`, headers: who.auth })
  assert.equal(res.statusCode, 200, res.body)
  const [rel] = res.json()
  assert.ok(Value.Check(Relationship, rel), 'a Relationship entity')
  return rel as Relationship
}

export async function profile(app: App, who: TestAccount, viewer: TestAccount = who): Promise<Account> {
  const res = await app.inject({ url: `/api/v1/accounts/${who.account.id}`, headers: viewer.auth })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

/** followers, following, friends counts as the API shows them. */
export async function counts(app: App, who: TestAccount) {
  const a = await profile(app, who)
  return [a.followers_count, a.following_count, a.friends_count]
}

export async function befriend(app: App, a: TestAccount, b: TestAccount) {
  await act(app, a, `/api/kith/v1/accounts/${b.account.id}/friend_request`)
  const rel = await act(app, b, `/api/kith/v1/friend_requests/${a.account.id}/accept`)
  assert.equal(rel.friends, true)
}

/** Every account's counters equal the rows they count (the invariant each transition keeps). */
export async function assertCountersConsistent(ctx: AppContext) {
  const accounts = await ctx.db
    .selectFrom('accounts')
    .select(['id', 'username', 'followers_count', 'following_count', 'friends_count'])
    .execute()
  const count = async (table: 'follows' | 'friendships', column: string, id: string) => {
    const row = await ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column as 'account_id', '=', id)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  for (const a of accounts) {
    assert.deepEqual(
      [a.followers_count, a.following_count, a.friends_count],
      [
        await count('follows', 'target_account_id', a.id),
        await count('follows', 'account_id', a.id),
        await count('friendships', 'account_id', a.id),
      ],
      `counters of @${a.username}`,
    )
  }
}
