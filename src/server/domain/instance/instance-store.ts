import type { Db } from '../../db/connect.ts'
import type { AccountRow, RuleRow } from '../../db/schema.ts'

/** The site owner's account: the instance's contact. */
export async function findOwnerAccount(db: Db): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .innerJoin('users', 'users.account_id', 'accounts.id')
    .selectAll('accounts')
    .where('users.role', '=', 'owner')
    .orderBy('users.created_at')
    .executeTakeFirst()
}

/**
 * A local account that others may see: confirmed, approved and not suspended.
 * `canonical` narrows the search; the caller compares the username itself.
 */
export async function findVisibleLocalAccount(db: Db, canonical: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .innerJoin('users', 'users.account_id', 'accounts.id')
    .selectAll('accounts')
    .where('accounts.username_canonical', '=', canonical)
    .where('accounts.suspended_at', 'is', null)
    .where('users.confirmed_at', 'is not', null)
    .where('users.approved', '=', 1)
    .executeTakeFirst()
}

/** People with a usable account; with `activeSince`, only those who signed in or authorized an app since then. */
export async function countUsers(db: Db, activeSince?: string): Promise<number> {
  let q = db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('accounts.suspended_at', 'is', null)
    .where('users.confirmed_at', 'is not', null)
    .where('users.approved', '=', 1)
  if (activeSince) {
    q = q.where((eb) =>
      eb.or([
        eb('users.last_sign_in_at', '>=', activeSince),
        eb.exists(
          eb
            .selectFrom('oauth_tokens')
            .select('oauth_tokens.id')
            .whereRef('oauth_tokens.user_id', '=', 'users.id')
            .where('oauth_tokens.created_at', '>=', activeSince),
        ),
      ]),
    )
  }
  const row = await q.executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listRules(db: Db): Promise<RuleRow[]> {
  return db.selectFrom('rules').selectAll().orderBy('position').orderBy('id').execute()
}

export async function insertRule(db: Db, row: RuleRow): Promise<void> {
  await db.insertInto('rules').values(row).execute()
}
