import type { Db } from '../../db/connect.ts'
import type { AccountRow, SessionRow, UserRow } from '../../db/schema.ts'

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

export async function findLiveSessionByHash(
  db: Db,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow; account: AccountRow } | undefined> {
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!session) return undefined
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst()
  if (!user) return undefined
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', user.account_id).executeTakeFirst()
  return account ? { session, user, account } : undefined
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute()
}

export async function listLiveSessions(db: Db, userId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('last_seen_at', 'desc')
    .execute()
}

export async function revokeSessions(
  db: Db,
  userId: string,
  at: string,
  filter: { id?: string; exceptId?: string } = {},
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
  if (filter.id) q = q.where('id', '=', filter.id)
  if (filter.exceptId) q = q.where('id', '!=', filter.exceptId)
  const r = await q.executeTakeFirst()
  return Number(r.numUpdatedRows)
}
