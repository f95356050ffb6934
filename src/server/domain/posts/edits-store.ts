// Queries for changing a post after the fact: its content, photos, edit history and audience.
import { type Selectable, sql } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { MediaRow, PostEditsTable, PostRow, Visibility } from '../../db/schema.ts'

export type PostEditRow = Selectable<PostEditsTable>

export async function listPostMedia(db: Db, postId: string): Promise<MediaRow[]> {
  return db.selectFrom('media_attachments').selectAll().where('post_id', '=', postId).orderBy('position').execute()
}

export async function findMediaByIds(db: Db, ids: string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return []
  return db.selectFrom('media_attachments').selectAll().where('id', 'in', ids).execute()
}

export async function deleteMediaRows(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await db.deleteFrom('media_attachments').where('id', 'in', ids).execute()
}

export async function updateMediaAttributes(
  db: Db,
  accountId: string,
  id: string,
  changes: { description?: string; focus_x?: number; focus_y?: number },
): Promise<void> {
  if (Object.keys(changes).length === 0) return
  await db
    .updateTable('media_attachments')
    .set(changes)
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .execute()
  await db
    .updateTable('posts')
    .set({ version: sql`version + 1` })
    .where('id', 'in', (eb) => eb.selectFrom('media_attachments').select('post_id').where('id', '=', id))
    .execute()
}

export async function updatePostContent(
  db: Db,
  postId: string,
  changes: Partial<
    Pick<
      PostRow,
      'text' | 'content_html' | 'spoiler_text' | 'sensitive' | 'language' | 'edited_at' | 'updated_at' | 'held_at'
    >
  >,
): Promise<void> {
  await db
    .updateTable('posts')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', postId)
    .execute()
}

export async function hasPostEdits(db: Db, postId: string): Promise<boolean> {
  const row = await db.selectFrom('post_edits').select('id').where('post_id', '=', postId).executeTakeFirst()
  return row !== undefined
}

export async function insertPostEdit(db: Db, row: PostEditRow): Promise<void> {
  await db.insertInto('post_edits').values(row).execute()
}

/** Oldest version first. */
export async function listPostEdits(db: Db, postId: string): Promise<PostEditRow[]> {
  return db.selectFrom('post_edits').selectAll().where('post_id', '=', postId).orderBy('id').execute()
}

/** The reply tree of one thread, to find every comment below a post. */
export async function listThreadShape(
  db: Db,
  threadId: string,
): Promise<{ id: string; in_reply_to_id: string | null; visibility: Visibility }[]> {
  return db
    .selectFrom('posts')
    .select(['id', 'in_reply_to_id', 'visibility'])
    .where('thread_id', '=', threadId)
    .where('reblog_of_id', 'is', null)
    .execute()
}

export async function setVisibility(db: Db, postIds: string[], visibility: Visibility, now: string): Promise<void> {
  if (postIds.length === 0) return
  await db
    .updateTable('posts')
    .set({ visibility, updated_at: now, version: sql`version + 1` })
    .where('id', 'in', postIds)
    .execute()
}
