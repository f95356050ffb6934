// Following: one-way. A locked account approves each follower (a follow request), except its friends.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Page } from '../../db/paging.ts'
import type { AccountRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { notify } from '../notifications/create-notifications.ts'
import { findActiveAccount, findViewableAccount, mayViewFollowLists, notFound } from '../profiles/profile-access.ts'
import { addFollow, type FollowOptions, removeFollow } from './edges.ts'
import { areFriends, deleteEdge, findFollowRequest, hasEdge, insertEdge, updateFollowOptions } from './graph-store.ts'
import { type EdgeAccount, listEdgeAccounts } from './lists-store.ts'

export type FollowInput = { reblogs?: boolean; notify?: boolean }

const toOptions = (input: FollowInput): FollowOptions => ({
  ...(input.reblogs === undefined ? {} : { show_reblogs: input.reblogs ? 1 : 0 }),
  ...(input.notify === undefined ? {} : { notify: input.notify ? 1 : 0 }),
})

/** Follows, or asks to follow a locked account. Following again only updates the options. */
export async function followAccount(ctx: AppContext, actor: AccountRow, targetId: string, input: FollowInput = {}) {
  const target = await findViewableAccount(ctx, actor.id, targetId)
  if (target.id === actor.id) throw new AppError('validation_failed', 'You cannot follow yourself')
  const now = ctx.clock.now()
  const options = toOptions(input)
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    if (await hasEdge(trx, 'blocks', actor.id, target.id)) {
      throw new AppError('forbidden', 'Unblock this account before following it')
    }
    if (await hasEdge(trx, 'follows', actor.id, target.id)) {
      await updateFollowOptions(trx, 'follows', actor.id, target.id, options)
      return 'unchanged'
    }
    if (target.locked === 1 && !(await areFriends(trx, actor.id, target.id))) {
      const row = { id: newId(now), account_id: actor.id, target_account_id: target.id, created_at: now.toISOString() }
      if (!(await insertEdge(trx, 'follow_requests', { ...row, ...options }))) {
        await updateFollowOptions(trx, 'follow_requests', actor.id, target.id, options)
      }
      return 'follow_request'
    }
    await addFollow(trx, actor.id, target.id, now, options)
    return 'follow'
  })
  if (outcome !== 'unchanged') await notify(ctx, { type: outcome, accountId: actor.id, targetId: target.id })
  return target
}

/** Stops following, or withdraws a pending follow request. Friendship is left as it is. */
export async function unfollowAccount(ctx: AppContext, actor: AccountRow, targetId: string) {
  const target = await findActiveAccount(ctx, targetId)
  await ctx.db.transaction().execute(async (trx) => {
    await removeFollow(trx, actor.id, target.id)
    await deleteEdge(trx, 'follow_requests', actor.id, target.id)
  })
  return target
}

/** `requesterId` asked to follow `me`; authorising again is harmless. */
export async function authorizeFollowRequest(ctx: AppContext, me: AccountRow, requesterId: string) {
  const requester = await findActiveAccount(ctx, requesterId)
  await ctx.db.transaction().execute(async (trx) => {
    const request = await findFollowRequest(trx, requester.id, me.id)
    if (request) {
      return addFollow(trx, requester.id, me.id, ctx.clock.now(), {
        show_reblogs: request.show_reblogs,
        notify: request.notify,
      })
    }
    if (!(await hasEdge(trx, 'follows', requester.id, me.id))) throw notFound()
  })
  return requester
}

export async function rejectFollowRequest(ctx: AppContext, me: AccountRow, requesterId: string) {
  const requester = await findActiveAccount(ctx, requesterId)
  await deleteEdge(ctx.db, 'follow_requests', requester.id, me.id)
  return requester
}

/** Who follows `ownerId` (`direction: 'in'`) or whom they follow (`'out'`), as the viewer may see it. */
export async function listFollows(
  ctx: AppContext,
  viewerId: string | null,
  ownerId: string,
  direction: 'in' | 'out',
  page: Page,
): Promise<EdgeAccount[]> {
  const owner = await findViewableAccount(ctx, viewerId, ownerId)
  // NOTE: Mastodon answers a hidden collection with an empty list, not an error; clients expect that.
  if (!(await mayViewFollowLists(ctx, viewerId, owner))) return []
  return listEdgeAccounts(ctx.db, { table: 'follows', direction, ownerId: owner.id, page, viewerId })
}

export async function listFollowRequests(ctx: AppContext, me: AccountRow, page: Page): Promise<EdgeAccount[]> {
  return listEdgeAccounts(ctx.db, { table: 'follow_requests', direction: 'in', ownerId: me.id, page })
}
