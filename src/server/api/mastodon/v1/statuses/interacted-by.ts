// GET /api/v1/statuses/:id/reblogged_by, GET /api/v1/statuses/:id/favourited_by
// Accounts, newest first, paged by the share's or the reaction's id (the Link header carries them).
import { Type } from 'typebox'
import { Account } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import type { AccountRow } from '../../../../db/schema.ts'
import type { Viewer } from '../../../../domain/auth/viewer.ts'
import { findAccountsByIds } from '../../../../domain/posts/hydrate-store.ts'
import { listReactions } from '../../../../domain/posts/reactions.ts'
import { listRebloggedBy } from '../../../../domain/posts/reblogs.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentAccounts } from '../../present/accounts.ts'
import { StatusParams } from './show.ts'

/** Accounts in the order of `rows`. */
export async function presentAccountsOf(ctx: AppContext, viewer: Viewer | null, rows: { account_id: string }[]) {
  const found = await findAccountsByIds(ctx.db, [...new Set(rows.map((r) => r.account_id))])
  const accounts = await presentAccounts(ctx, viewer, [...found.values()] as AccountRow[])
  const byId = new Map(accounts.map((a) => [a.id, a]))
  return rows.flatMap((r) => (byId.has(r.account_id) ? [byId.get(r.account_id)!] : []))
}

export function registerInteractedByRoutes(api: Api, ctx: AppContext): void {
  const options = {
    schema: {
      tags: ['statuses'],
      params: StatusParams,
      querystring: Type.Object({ ...PageQuery }),
      response: { 200: Type.Array(Account) },
    },
    config: { auth: 'optional' as const, scopes: ['read:statuses'] },
  }
  api.get('/api/v1/statuses/:id/reblogged_by', options, async (req, reply) => {
    const page = readPage(req.query, { limit: 40, max: 80 })
    const rows = await listRebloggedBy(ctx, req.viewer?.account.id ?? null, req.params.id, page)
    setLinkHeader(ctx, req, reply, { first: rows[0]?.id, last: rows.at(-1)?.id })
    return presentAccountsOf(ctx, req.viewer, rows)
  })
  api.get('/api/v1/statuses/:id/favourited_by', options, async (req, reply) => {
    const page = readPage(req.query, { limit: 40, max: 80 })
    const rows = await listReactions(ctx, req.viewer?.account.id ?? null, req.params.id, null, page)
    setLinkHeader(ctx, req, reply, { first: rows[0]?.id, last: rows.at(-1)?.id })
    return presentAccountsOf(ctx, req.viewer, rows)
  })
}
