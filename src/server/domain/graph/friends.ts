// Friendship: mutual, by request and acceptance. Two people who ask each other are friends at once.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Page } from '../../db/paging.ts'
import type { AccountRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { notify } from '../notifications/create-notifications.ts'
import { findActiveAccount, findViewableAccount, mayViewFriends } from '../profiles/profile-access.ts'
import { addFriendship, removeFriendship } from './edges.ts'
import { areFriends, countMutualFriends, deleteEdge, hasEdge, insertEdge } from './graph-store.ts'
import { type EdgeAccount, listEdgeAccounts, listFriendAccounts } from './lists-store.ts'

/** What a friend request led to. */
export type FriendRequestOutcome = 'requested' | 'friends'

export async function sendFriendRequest(
  ctx: AppContext,
  actor: AccountRow,
  targetId: string,
): Promise<{ target: AccountRow; outcome: FriendRequestOutcome }> {
  const target = await findViewableAccount(ctx, actor.id, targetId)
  if (target.id === actor.id) throw new AppError('validation_failed', 'You cannot send a friend request to yourself')
  const now = ctx.clock.now()
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<FriendRequestOutcome> => {
    if (await hasEdge(trx, 'blocks', actor.id, target.id)) {
      throw new AppError('forbidden', 'Unblock this account before sending a friend request', { reason: 'blocking' })
    }
    if (await areFriends(trx, actor.id, target.id)) return 'friends'
    // Crossing requests: they asked first, so this is an acceptance, whatever their settings say.
    if (await hasEdge(trx, 'friend_requests', target.id, actor.id)) {
      await addFriendship(trx, actor.id, target.id, now)
      return 'friends'
    }
    if (await hasEdge(trx, 'friend_requests', actor.id, target.id)) return 'requested'
    const name = `@${target.username}`
    if (target.friend_requests_from === 'nobody') {
      throw new AppError('forbidden', `${name} is not accepting friend requests`, { reason: 'friend_requests_closed' })
    }
    if (
      target.friend_requests_from === 'friends_of_friends' &&
      (await countMutualFriends(trx, actor.id, target.id)) === 0
    ) {
      throw new AppError('forbidden', `${name} accepts friend requests only from friends of their friends`, {
        reason: 'friend_requests_friends_of_friends',
      })
    }
    await insertEdge(trx, 'friend_requests', {
      id: newId(now),
      account_id: actor.id,
      target_account_id: target.id,
      created_at: now.toISOString(),
    })
    return 'requested'
  })
  // Crossing requests make friends at once: the one who asked first hears it was accepted.
  await notify(ctx, {
    type: outcome === 'requested' ? 'friend_request' : 'friend_accepted',
    accountId: actor.id,
    targetId: target.id,
  })
  return { target, outcome }
}

/** Withdraws the actor's pending request; harmless when there is none. */
export async function cancelFriendRequest(ctx: AppContext, actor: AccountRow, targetId: string) {
  const target = await findActiveAccount(ctx, targetId)
  await deleteEdge(ctx.db, 'friend_requests', actor.id, target.id)
  return target
}

/** Accepts the request `requesterId` sent `me`; accepting again is harmless, accepting nothing is 404. */
export async function acceptFriendRequest(ctx: AppContext, me: AccountRow, requesterId: string) {
  const requester = await findActiveAccount(ctx, requesterId)
  await ctx.db.transaction().execute(async (trx) => {
    if (await areFriends(trx, me.id, requester.id)) return
    if (!(await hasEdge(trx, 'friend_requests', requester.id, me.id))) {
      throw new AppError('not_found', 'There is no friend request from this account')
    }
    await addFriendship(trx, requester.id, me.id, ctx.clock.now())
  })
  await notify(ctx, { type: 'friend_accepted', accountId: me.id, targetId: requester.id })
  return requester
}

export async function declineFriendRequest(ctx: AppContext, me: AccountRow, requesterId: string) {
  const requester = await findActiveAccount(ctx, requesterId)
  await deleteEdge(ctx.db, 'friend_requests', requester.id, me.id)
  return requester
}

/** Ends a friendship and both follows; harmless when they were not friends. */
export async function unfriend(ctx: AppContext, me: AccountRow, friendId: string) {
  const friend = await findActiveAccount(ctx, friendId)
  await ctx.db.transaction().execute((trx) => removeFriendship(trx, me.id, friend.id))
  return friend
}

/** Someone's friends, as `friends_visibility` lets the viewer see them; `q` filters by name. */
export async function listFriends(
  ctx: AppContext,
  viewerId: string | null,
  ownerId: string,
  opts: { page: Page; q?: string },
): Promise<EdgeAccount[]> {
  const owner = await findViewableAccount(ctx, viewerId, ownerId)
  if (!(await mayViewFriends(ctx, viewerId, owner))) {
    throw new AppError('forbidden', `@${owner.username} keeps their friends list private`, {
      reason: 'friends_hidden',
    })
  }
  return listFriendAccounts(ctx.db, ctx.dialect, { ownerId: owner.id, viewerId, page: opts.page, q: opts.q })
}

/** Pending requests to me (`incoming`) or from me (`outgoing`), newest first. */
export async function listFriendRequests(
  ctx: AppContext,
  me: AccountRow,
  direction: 'incoming' | 'outgoing',
  page: Page,
): Promise<EdgeAccount[]> {
  return listEdgeAccounts(ctx.db, {
    table: 'friend_requests',
    direction: direction === 'incoming' ? 'in' : 'out',
    ownerId: me.id,
    page,
  })
}
