// People you may know: friends of friends, ranked by how many friends they share with the viewer.
import type { AppContext } from '../../context.ts'
import type { AccountRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { findActiveAccount } from '../profiles/profile-access.ts'
import { insertSuggestionDismissal, listFriendSuggestions, listVisibleMutualFriends } from './suggestions-store.ts'

export type Suggestion = { account: AccountRow; mutualFriendsCount: number; mutualFriends: AccountRow[] }

/**
 * `purpose: 'friends'` (Kith) leaves out people who refuse friend requests; `'follow'` (Mastodon's
 * follow suggestions) leaves out people the viewer already follows or asked to follow.
 */
export async function suggestPeople(
  ctx: AppContext,
  me: AccountRow,
  opts: { limit: number; purpose: 'friends' | 'follow'; sampleSize?: number },
): Promise<Suggestion[]> {
  const rows = await listFriendSuggestions(ctx.db, me.id, {
    limit: opts.limit,
    now: ctx.clock.now().toISOString(),
    excludeFollowing: opts.purpose === 'follow',
    excludeRefusingRequests: opts.purpose === 'friends',
  })
  const samples = opts.sampleSize
    ? await listVisibleMutualFriends(
        ctx.db,
        me.id,
        rows.map((r) => r.account.id),
        opts.sampleSize,
      )
    : new Map<string, AccountRow[]>()
  return rows.map((r) => ({
    account: r.account,
    mutualFriendsCount: r.mutual,
    mutualFriends: samples.get(r.account.id) ?? [],
  }))
}

/** Never suggest this account again. */
export async function dismissSuggestion(ctx: AppContext, me: AccountRow, targetId: string): Promise<void> {
  const target = await findActiveAccount(ctx, targetId)
  if (target.id === me.id) throw new AppError('validation_failed', 'You cannot dismiss yourself')
  await insertSuggestionDismissal(ctx.db, me.id, target.id, ctx.clock.now().toISOString())
}
