// Queries for profiles: accounts by id or name, and their profile fields.
import type { Db } from '../../db/connect.ts'
import type { AccountRow } from '../../db/schema.ts'

export type ProfileField = { name: string; value: string }

export async function findAccountsByIds(db: Db, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute()
}

/** Accounts whose canonical username is one of these (callers compare the exact name afterwards). */
export async function findAccountsByCanonicals(db: Db, canonicals: readonly string[]): Promise<AccountRow[]> {
  if (canonicals.length === 0) return []
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('username_canonical', 'in', [...new Set(canonicals)])
    .execute()
}

export async function listFieldsByAccounts(db: Db, ids: readonly string[]): Promise<Map<string, ProfileField[]>> {
  const out = new Map<string, ProfileField[]>()
  if (ids.length === 0) return out
  const rows = await db
    .selectFrom('account_fields')
    .select(['account_id', 'name', 'value'])
    .where('account_id', 'in', [...new Set(ids)])
    .orderBy('account_id')
    .orderBy('position')
    .execute()
  for (const { account_id, name, value } of rows) {
    const list = out.get(account_id) ?? []
    list.push({ name, value })
    out.set(account_id, list)
  }
  return out
}

export async function replaceFields(db: Db, accountId: string, fields: readonly ProfileField[]): Promise<void> {
  await db.deleteFrom('account_fields').where('account_id', '=', accountId).execute()
  if (fields.length === 0) return
  await db
    .insertInto('account_fields')
    .values(fields.map((f, position) => ({ account_id: accountId, position, name: f.name, value: f.value })))
    .execute()
}

export async function updateProfileRow(db: Db, accountId: string, changes: Partial<AccountRow>): Promise<void> {
  await db.updateTable('accounts').set(changes).where('id', '=', accountId).execute()
}
