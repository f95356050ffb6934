import type { Db } from '../../db/connect.ts'

export async function listSettingRows(db: Db): Promise<{ key: string; value: string }[]> {
  return db.selectFrom('site_settings').select(['key', 'value']).execute()
}

export async function upsertSettingRows(db: Db, rows: { key: string; value: string }[], now: string): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('site_settings')
      .values({ ...row, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: now }))
      .execute()
  }
}
