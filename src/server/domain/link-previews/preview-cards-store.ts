// Queries for preview cards (one per URL, shared by every post that links it) and post_cards.
import type { Updateable } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { PreviewCardsTable } from '../../db/schema.ts'

export type PreviewCardRow = {
  id: string
  url: string
  status: string
  image_key: string | null
  fetched_at: string | null
}

/** The card for `url`, made `pending` when there is none yet; racing jobs end up with the same row. */
export async function ensurePreviewCard(db: Db, url: string, id: string, now: string): Promise<PreviewCardRow> {
  await db
    .insertInto('preview_cards')
    .values({
      id,
      url,
      status: 'pending',
      title: '',
      description: '',
      provider_name: '',
      image_key: null,
      image_width: null,
      image_height: null,
      blurhash: null,
      fetched_at: null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .execute()
  return db
    .selectFrom('preview_cards')
    .select(['id', 'url', 'status', 'image_key', 'fetched_at'])
    .where('url', '=', url)
    .executeTakeFirstOrThrow()
}

export async function updatePreviewCard(db: Db, id: string, changes: Updateable<PreviewCardsTable>): Promise<void> {
  await db.updateTable('preview_cards').set(changes).where('id', '=', id).execute()
}

/** Shows `cardId` on the post, replacing any card it had; does nothing if the post is gone. */
export async function linkPostCard(db: Db, postId: string, cardId: string): Promise<void> {
  await db
    .insertInto('post_cards')
    .columns(['post_id', 'card_id'])
    .expression((eb) =>
      eb
        .selectFrom('posts')
        .select(['id', eb.val(cardId).as('card_id')])
        .where('id', '=', postId),
    )
    .onConflict((oc) => oc.column('post_id').doUpdateSet({ card_id: cardId }))
    .execute()
}

export async function unlinkPostCard(db: Db, postId: string): Promise<void> {
  await db.deleteFrom('post_cards').where('post_id', '=', postId).execute()
}
