// Lists of accounts along graph edges, newest edge first, paged by the edge's id.
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { Dialect } from '../../db/dialect.ts'
import { keysetPage, type Page, pageRows } from '../../db/paging.ts'
import type { AccountRow, Database } from '../../db/schema.ts'
import { type EdgeTable, edgeTable } from './graph-store.ts'

/** An account in a list, with the id and time of the edge that put it there (the paging cursor). */
export type EdgeAccount = { edge_id: string; edge_created_at: string; expires_at: string | null; account: AccountRow }

type AccountsEb = ExpressionBuilder<Database, 'accounts'>

/** Accounts that neither block nor are blocked by the viewer: blocks hide people both ways. */
export function notBlockedWith(viewerId: string | null) {
  return (eb: AccountsEb) => {
    if (!viewerId) return eb.lit(true)
    return eb.not(
      eb.exists(
        eb
          .selectFrom('blocks as bl')
          .select('bl.id')
          .where((w) =>
            w.or([
              w.and([w('bl.account_id', '=', viewerId), w.eb('bl.target_account_id', '=', w.ref('accounts.id'))]),
              w.and([w.eb('bl.account_id', '=', w.ref('accounts.id')), w('bl.target_account_id', '=', viewerId)]),
            ]),
          ),
      ),
    )
  }
}

/**
 * Accounts at the other end of `table`'s edges from (or to) `ownerId`, newest edge first.
 * `direction: 'out'` lists targets of the owner's edges (whom they follow); `'in'` lists sources.
 */
export async function listEdgeAccounts(
  db: Db,
  opts: {
    table: EdgeTable
    direction: 'out' | 'in'
    ownerId: string
    page: Page
    /** Hides accounts in a block with this viewer (lists about someone else). */
    viewerId?: string | null
    /** Mutes only: hides those expired by then. */
    now?: string
  },
): Promise<EdgeAccount[]> {
  const [mine, theirs] =
    opts.direction === 'out'
      ? (['account_id', 'target_account_id'] as const)
      : (['target_account_id', 'account_id'] as const)
  let q = db
    .selectFrom(`${edgeTable(opts.table)} as e`)
    .innerJoin('accounts', 'accounts.id', `e.${theirs}`)
    .selectAll('accounts')
    .select(['e.id as edge_id', 'e.created_at as edge_created_at'])
    .where(`e.${mine}`, '=', opts.ownerId)
    .where('accounts.suspended_at', 'is', null)
  if (opts.viewerId !== undefined) q = q.where(notBlockedWith(opts.viewerId))
  if (opts.table === 'mutes') {
    const now = opts.now ?? new Date().toISOString()
    // The builder is typed as the shared edge shape; expires_at exists on mutes only.
    q = q.where(sql<SqlBool>`(e.expires_at is null or e.expires_at > ${now})`)
  }
  const rows = pageRows(await keysetPage(q, 'e.id', opts.page).execute(), opts.page)
  const expiries =
    opts.table === 'mutes'
      ? await muteExpiries(
          db,
          rows.map((r) => r.edge_id),
        )
      : new Map()
  return rows.map(({ edge_id, edge_created_at, ...account }) => ({
    edge_id,
    edge_created_at,
    expires_at: expiries.get(edge_id) ?? null,
    account: account as AccountRow,
  }))
}

async function muteExpiries(db: Db, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('mutes').select(['id', 'expires_at']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.expires_at]))
}

/** Someone's friends, newest friendship first, optionally filtered by name. */
export async function listFriendAccounts(
  db: Db,
  dialect: Dialect,
  opts: { ownerId: string; page: Page; viewerId: string | null; q?: string },
): Promise<EdgeAccount[]> {
  let q = db
    .selectFrom('friendships as e')
    .innerJoin('accounts', 'accounts.id', 'e.friend_id')
    .selectAll('accounts')
    .select(['e.id as edge_id', 'e.created_at as edge_created_at'])
    .where('e.account_id', '=', opts.ownerId)
    .where('accounts.suspended_at', 'is', null)
    .where(notBlockedWith(opts.viewerId))
  const needle = opts.q?.trim()
  if (needle) {
    q = q.where((eb) =>
      eb.or([dialect.contains('accounts.username', needle), dialect.contains('accounts.display_name', needle)]),
    )
  }
  const rows = pageRows(await keysetPage(q, 'e.id', opts.page).execute(), opts.page)
  return rows.map(({ edge_id, edge_created_at, ...account }) => ({
    edge_id,
    edge_created_at,
    expires_at: null,
    account: account as AccountRow,
  }))
}
