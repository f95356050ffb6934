import type { Db } from '../../db/connect.ts'
import type { AccountRow, OauthTokenRow, UserRow } from '../../db/schema.ts'

export async function findLiveTokenByHash(
  db: Db,
  tokenHash: string,
  nowIso: string,
): Promise<{ token: OauthTokenRow; user: UserRow | null; account: AccountRow | null } | undefined> {
  const token = await db
    .selectFrom('oauth_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowIso)]))
    .executeTakeFirst()
  if (!token) return undefined
  if (!token.user_id) return { token, user: null, account: null }
  const user = await db.selectFrom('users').selectAll().where('id', '=', token.user_id).executeTakeFirst()
  if (!user) return undefined
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', user.account_id).executeTakeFirst()
  return account ? { token, user, account } : undefined
}

/** A token by the hash of its access or refresh token, live or not. */
export async function findTokenByAnyHash(db: Db, tokenHash: string): Promise<OauthTokenRow | undefined> {
  return db
    .selectFrom('oauth_tokens')
    .selectAll()
    .where((eb) => eb.or([eb('token_hash', '=', tokenHash), eb('refresh_hash', '=', tokenHash)]))
    .executeTakeFirst()
}

export async function findTokenByRefreshHash(db: Db, refreshHash: string): Promise<OauthTokenRow | undefined> {
  return db.selectFrom('oauth_tokens').selectAll().where('refresh_hash', '=', refreshHash).executeTakeFirst()
}

/** Revokes one token; false when it was already revoked (a racing request got there first). */
export async function revokeTokenById(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('oauth_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
