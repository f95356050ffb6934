// Shared by the routes that answer a page of accounts: the id parameter, paging, and the Link header.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import type { Account } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import type { EdgeAccount } from '../../../../domain/graph/lists-store.ts'
import { type Page, readPage, setLinkHeader } from '../../paging.ts'
import { presentAccounts } from '../../present/accounts.ts'

/** Any string: an id that matches nothing is 404, as in Mastodon, not a validation error. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) })

/**
 * For POST routes whose body is all optional: clients often send none (no content type at all),
 * which Fastify would otherwise refuse as "body must be object".
 */
export async function allowEmptyBody(req: FastifyRequest): Promise<void> {
  if (req.body === undefined || req.body === null) req.body = {}
}

/** Account lists page by 40, at most 80, as Mastodon's do. */
export function readAccountPage(query: { max_id?: string; since_id?: string; min_id?: string; limit?: number }): Page {
  return readPage(query, { limit: 40, max: 80 })
}

export async function presentAccountPage(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  entries: readonly EdgeAccount[],
): Promise<Account[]> {
  setLinkHeader(ctx, req, reply, { first: entries[0]?.edge_id, last: entries.at(-1)?.edge_id })
  return presentAccounts(
    ctx,
    req.viewer,
    entries.map((e) => e.account),
  )
}
