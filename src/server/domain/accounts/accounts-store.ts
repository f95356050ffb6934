import type { Db } from '../../db/connect.ts'
import type { AccountRow, NewAccount, NewUser, UserRow } from '../../db/schema.ts'

export async function insertAccount(db: Db, row: NewAccount): Promise<void> {
  await db.insertInto('accounts').values(row).execute()
}

export async function insertUser(db: Db, row: NewUser): Promise<void> {
  await db.insertInto('users').values(row).execute()
}

export async function findAccountByCanonical(db: Db, canonical: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username_canonical', '=', canonical).executeTakeFirst()
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email_lower', '=', email.toLowerCase()).executeTakeFirst()
}

export async function findUserByAccountId(db: Db, accountId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('account_id', '=', accountId).executeTakeFirst()
}

/** A user and their account by username (case-insensitive, confusables folded) or email. */
export async function findUserByLogin(
  db: Db,
  login: { canonical: string; email: string },
): Promise<{ user: UserRow; account: AccountRow } | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .selectAll('users')
    .select(['accounts.username', 'accounts.username_canonical'])
    .where((eb) =>
      eb.or([eb('users.email_lower', '=', login.email), eb('accounts.username_canonical', '=', login.canonical)]),
    )
    .executeTakeFirst()
  if (!row) return undefined
  const account = await findAccountById(db, row.account_id)
  const { username: _u, username_canonical: _c, ...user } = row
  return account ? { user: user as UserRow, account } : undefined
}

export async function updateUser(db: Db, id: string, changes: Partial<UserRow>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute()
}

export async function updateAccount(db: Db, id: string, changes: Partial<AccountRow>): Promise<void> {
  await db.updateTable('accounts').set(changes).where('id', '=', id).execute()
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function isBlockedEitherWay(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', a), eb('target_account_id', '=', b)]),
        eb.and([eb('account_id', '=', b), eb('target_account_id', '=', a)]),
      ]),
    )
    .executeTakeFirst()
  return row !== undefined
}
