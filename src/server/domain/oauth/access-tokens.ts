import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { OauthTokenRow } from '../../db/schema.ts'
import { hashToken, randomToken } from '../auth/tokens.ts'
import { announceRevoked } from '../streaming/revocation.ts'

/** Issues a bearer token (and a refresh token when asked). Only their hashes are stored. */
export async function createAccessToken(
  ctx: AppContext,
  db: Db,
  input: { userId: string | null; appId: string | null; scopes: string; withRefresh?: boolean; expiresInS?: number },
): Promise<{ accessToken: string; refreshToken: string | null; row: OauthTokenRow }> {
  const now = ctx.clock.now()
  const accessToken = randomToken()
  const refreshToken = input.withRefresh ? randomToken() : null
  const row: OauthTokenRow = {
    id: newId(now),
    token_hash: hashToken(accessToken),
    refresh_hash: refreshToken ? hashToken(refreshToken) : null,
    app_id: input.appId,
    user_id: input.userId,
    scopes: input.scopes,
    created_at: now.toISOString(),
    expires_at: input.expiresInS ? new Date(now.getTime() + input.expiresInS * 1000).toISOString() : null,
    last_used_at: null,
    revoked_at: null,
  }
  await db.insertInto('oauth_tokens').values(row).execute()
  return { accessToken, refreshToken, row }
}

export async function revokeUserTokens(ctx: AppContext, db: Db, userId: string, appId?: string): Promise<void> {
  let q = db
    .updateTable('oauth_tokens')
    .set({ revoked_at: ctx.clock.now().toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
  if (appId) q = q.where('app_id', '=', appId)
  await q.execute()
  // Open streaming sockets using these tokens close at once.
  await announceRevoked(ctx, { userId }, { scope: 'tokens', appId: appId ?? null }, db)
}
