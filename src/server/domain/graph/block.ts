// Blocking: the two people stop seeing each other, and everything between them (friendship,
// follows, pending requests, both ways) is removed in the same transaction.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Page } from '../../db/paging.ts'
import type { AccountRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { findActiveAccount } from '../profiles/profile-access.ts'
import { severAll } from './edges.ts'
import { deleteEdge, insertEdge } from './graph-store.ts'
import { type EdgeAccount, listEdgeAccounts } from './lists-store.ts'

export async function blockAccount(ctx: AppContext, actor: AccountRow, targetId: string) {
  const target = await findActiveAccount(ctx, targetId)
  if (target.id === actor.id) throw new AppError('validation_failed', 'You cannot block yourself')
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    const row = { id: newId(now), account_id: actor.id, target_account_id: target.id, created_at: now.toISOString() }
    await insertEdge(trx, 'blocks', row)
    await severAll(trx, actor.id, target.id)
  })
  return target
}

/** Unblocking restores nothing that the block removed. */
export async function unblockAccount(ctx: AppContext, actor: AccountRow, targetId: string) {
  const target = await findActiveAccount(ctx, targetId)
  await deleteEdge(ctx.db, 'blocks', actor.id, target.id)
  return target
}

export async function listBlocks(ctx: AppContext, me: AccountRow, page: Page): Promise<EdgeAccount[]> {
  return listEdgeAccounts(ctx.db, { table: 'blocks', direction: 'out', ownerId: me.id, page })
}
