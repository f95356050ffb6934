// Queries for media attachments (post photos).
import { type Insertable, sql } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { MediaAttachmentsTable, MediaRow } from '../../db/schema.ts'

export async function insertMedia(db: Db, row: Insertable<MediaAttachmentsTable>): Promise<void> {
  await db.insertInto('media_attachments').values(row).execute()
}

export async function findOwnMedia(db: Db, accountId: string, id: string): Promise<MediaRow | undefined> {
  return db
    .selectFrom('media_attachments')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
}

export async function updateMediaRow(
  db: Db,
  id: string,
  changes: Partial<Pick<MediaRow, 'description' | 'focus_x' | 'focus_y'>>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return
  await db.updateTable('media_attachments').set(changes).where('id', '=', id).execute()
  // An attached photo's alt text is part of the post as presented: a new version of it.
  await db
    .updateTable('posts')
    .set({ version: sql`version + 1` })
    .where('id', 'in', (eb) => eb.selectFrom('media_attachments').select('post_id').where('id', '=', id))
    .execute()
}

/**
 * Deletes up to `limit` uploads never attached to a post and created before `before`, and returns
 * their storage keys. `post_id is null` is re-checked by the DELETE itself, so an upload attached
 * meanwhile is kept.
 */
export async function deleteUnattachedMedia(db: Db, before: string, limit: number): Promise<string[]> {
  const stale = await db
    .selectFrom('media_attachments')
    .select('id')
    .where('post_id', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute()
  if (stale.length === 0) return []
  const deleted = await db
    .deleteFrom('media_attachments')
    .where(
      'id',
      'in',
      stale.map((r) => r.id),
    )
    .where('post_id', 'is', null)
    .returning('file_key')
    .execute()
  return deleted.map((r) => r.file_key)
}
