// Web sign-in sessions. The cookie holds a random token; the database holds its hash.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { AccountRow, SessionRow, UserRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { announceRevoked } from '../streaming/revocation.ts'
import {
  findLiveSessionByHash,
  insertSession,
  listLiveSessions,
  revokeSessions,
  touchSession,
} from './sessions-store.ts'
import { hashToken, randomToken } from './tokens.ts'

export const SESSION_COOKIE = 'kith_session'
export const SESSION_MAX_AGE_S = 60 * 60 * 24 * 365
const TOUCH_EVERY_MS = 5 * 60 * 1000

export async function startSession(
  ctx: AppContext,
  user: UserRow,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: SessionRow }> {
  const token = randomToken()
  const now = ctx.clock.now()
  const session: SessionRow = {
    id: newId(now),
    user_id: user.id,
    token_hash: hashToken(token),
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 500) ?? null,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    revoked_at: null,
  }
  await insertSession(ctx.db, session)
  await ctx.db.updateTable('users').set({ last_sign_in_at: now.toISOString() }).where('id', '=', user.id).execute()
  return { token, session }
}

export async function resolveSession(
  ctx: AppContext,
  token: string,
): Promise<{ session: SessionRow; user: UserRow; account: AccountRow } | null> {
  const found = await findLiveSessionByHash(ctx.db, hashToken(token))
  if (!found) return null
  const now = ctx.clock.now()
  if (now.getTime() - Date.parse(found.session.last_seen_at) > TOUCH_EVERY_MS) {
    await touchSession(ctx.db, found.session.id, now.toISOString())
  }
  return found
}

export async function endSession(ctx: AppContext, userId: string, sessionId: string): Promise<void> {
  const n = await revokeSessions(ctx.db, userId, ctx.clock.now().toISOString(), { id: sessionId })
  if (n === 0) throw new AppError('not_found', 'Session not found')
  await announceRevoked(ctx, { userId }, { scope: 'sessions', sessionId })
}

export async function endOtherSessions(ctx: AppContext, userId: string, keepSessionId?: string): Promise<void> {
  await revokeSessions(ctx.db, userId, ctx.clock.now().toISOString(), { exceptId: keepSessionId })
  await announceRevoked(ctx, { userId }, { scope: 'sessions', exceptSessionId: keepSessionId })
}

export function listSessions(ctx: AppContext, userId: string): Promise<SessionRow[]> {
  return listLiveSessions(ctx.db, userId)
}
