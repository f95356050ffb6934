import type { Db } from '../../db/connect.ts'
import type { InviteRow } from '../../db/schema.ts'

export async function insertInvite(db: Db, row: InviteRow): Promise<void> {
  await db.insertInto('invites').values(row).execute()
}

/** The invite with this code that can still be used at `nowIso` (not expired, uses left). */
export async function findUsableInviteByCode(db: Db, code: string, nowIso: string): Promise<InviteRow | undefined> {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('code', '=', code)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowIso)]))
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst()
}

/** Adds one use unless the invite is used up; the cap is checked in the same statement. */
export async function incrementInviteUses(db: Db, id: string): Promise<number> {
  const r = await db
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}
