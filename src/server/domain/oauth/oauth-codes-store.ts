import type { Selectable } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { OauthCodesTable } from '../../db/schema.ts'

export type OauthCodeRow = Selectable<OauthCodesTable>

export async function insertCode(db: Db, row: OauthCodeRow): Promise<void> {
  await db.insertInto('oauth_codes').values(row).execute()
}

export async function findCodeByHash(db: Db, codeHash: string): Promise<OauthCodeRow | undefined> {
  return db.selectFrom('oauth_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst()
}

/** Claims an unused code; false when another request used it first. */
export async function markCodeUsed(db: Db, codeHash: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('oauth_codes')
    .set({ used_at: at })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
