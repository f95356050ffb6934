import type { Db } from '../../db/connect.ts'
import type { AccountRow, EmailTokenPurpose, UserRow } from '../../db/schema.ts'

export async function findUserByCanonicalUsername(
  db: Db,
  canonical: string,
): Promise<{ user: UserRow; account: AccountRow } | undefined> {
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('username_canonical', '=', canonical)
    .executeTakeFirst()
  if (!account) return undefined
  const user = await db.selectFrom('users').selectAll().where('account_id', '=', account.id).executeTakeFirst()
  return user ? { user, account } : undefined
}

export async function countUsersWithRole(db: Db, role: UserRow['role']): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Marks a user's unused email tokens of one purpose as used, so old links stop working. */
export async function expireEmailTokens(db: Db, userId: string, purpose: EmailTokenPurpose, at: string): Promise<void> {
  await db
    .updateTable('email_tokens')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute()
}
