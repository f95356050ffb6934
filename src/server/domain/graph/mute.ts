// Muting: hides someone's posts (and, by default, notifications) from the muter only; they are not
// told. A mute may expire; an expired mute is ignored wherever mutes are read.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Page } from '../../db/paging.ts'
import type { AccountRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { findActiveAccount } from '../profiles/profile-access.ts'
import { deleteEdge, upsertMute } from './graph-store.ts'
import { type EdgeAccount, listEdgeAccounts } from './lists-store.ts'

/** Longest mute duration accepted: a year, in seconds. Use 0 for a mute that never ends. */
export const MAX_MUTE_SECONDS = 365 * 24 * 3600

export type MuteInput = { durationSeconds?: number; notifications?: boolean }

/** Mutes, or changes an existing mute's duration and notification flag. */
export async function muteAccount(ctx: AppContext, actor: AccountRow, targetId: string, input: MuteInput = {}) {
  const target = await findActiveAccount(ctx, targetId)
  if (target.id === actor.id) throw new AppError('validation_failed', 'You cannot mute yourself')
  const seconds = input.durationSeconds ?? 0
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_MUTE_SECONDS) {
    throw new AppError('validation_failed', `Duration must be between 0 and ${MAX_MUTE_SECONDS} seconds`)
  }
  const now = ctx.clock.now()
  await upsertMute(ctx.db, {
    id: newId(now),
    account_id: actor.id,
    target_account_id: target.id,
    created_at: now.toISOString(),
    hide_notifications: input.notifications === false ? 0 : 1,
    expires_at: seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null,
  })
  return target
}

export async function unmuteAccount(ctx: AppContext, actor: AccountRow, targetId: string) {
  const target = await findActiveAccount(ctx, targetId)
  await deleteEdge(ctx.db, 'mutes', actor.id, target.id)
  return target
}

/** Mutes still in force, newest first, with their `expires_at`. */
export async function listMutes(ctx: AppContext, me: AccountRow, page: Page): Promise<EdgeAccount[]> {
  const now = ctx.clock.now().toISOString()
  return listEdgeAccounts(ctx.db, { table: 'mutes', direction: 'out', ownerId: me.id, page, now })
}
