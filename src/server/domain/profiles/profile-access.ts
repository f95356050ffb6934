// Who may see a profile and its lists. A profile is hidden (404, never 403, so its existence is not
// confirmed) from someone it blocks, and from signed-out visitors when it is members-only.
// The blocker still sees the blocked profile, so they can find it again to unblock.
import type { AppContext } from '../../context.ts'
import type { AccountRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { findAccountById } from '../accounts/accounts-store.ts'
import { canonicalUsername } from '../accounts/username.ts'
import { areFriends, hasEdge } from '../graph/graph-store.ts'
import { findAccountsByCanonicals } from './profiles-store.ts'

export function notFound(): AppError {
  return new AppError('not_found', 'Record not found')
}

/** An account that exists and is not suspended, whoever asks (for undoing things: unfollow, unblock…). */
export async function findActiveAccount(ctx: AppContext, id: string): Promise<AccountRow> {
  const row = await findAccountById(ctx.db, id)
  if (!row || row.suspended_at) throw notFound()
  return row
}

export async function findViewableAccount(ctx: AppContext, viewerId: string | null, id: string): Promise<AccountRow> {
  const row = await findActiveAccount(ctx, id)
  await assertViewable(ctx, viewerId, row)
  return row
}

/** `acct` is `name` or `name@<this site's host>`; other domains are not known here. */
export async function findViewableAccountByAcct(
  ctx: AppContext,
  viewerId: string | null,
  acct: string,
): Promise<AccountRow> {
  const [name, domain, extra] = acct.replace(/^@/, '').split('@')
  if (!name || extra !== undefined) throw notFound()
  if (domain && domain.toLowerCase() !== new URL(ctx.config.publicUrl).host.toLowerCase()) throw notFound()
  const [row] = (await findAccountsByCanonicals(ctx.db, [canonicalUsername(name)])).filter(
    (a) => a.username.toLowerCase() === name.toLowerCase(),
  )
  if (!row || row.suspended_at) throw notFound()
  await assertViewable(ctx, viewerId, row)
  return row
}

async function assertViewable(ctx: AppContext, viewerId: string | null, row: AccountRow): Promise<void> {
  if (viewerId === row.id) return
  if (!viewerId && row.profile_visibility === 'members') throw notFound()
  if (viewerId && (await hasEdge(ctx.db, 'blocks', row.id, viewerId))) throw notFound()
}

/** Locked accounts show whom they follow and who follows them to their followers only. */
export async function mayViewFollowLists(ctx: AppContext, viewerId: string | null, owner: AccountRow) {
  if (owner.locked === 0 || viewerId === owner.id) return true
  return viewerId !== null && hasEdge(ctx.db, 'follows', viewerId, owner.id)
}

export async function mayViewFriends(ctx: AppContext, viewerId: string | null, owner: AccountRow) {
  if (viewerId === owner.id || owner.friends_visibility === 'public') return true
  if (owner.friends_visibility === 'only_me' || !viewerId) return false
  return areFriends(ctx.db, viewerId, owner.id)
}
