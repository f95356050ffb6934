import type { Selectable } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { MarkersTable } from '../../db/schema.ts'

export type MarkerRow = Selectable<MarkersTable>

export async function listMarkers(db: Db, accountId: string, timelines: readonly string[]): Promise<MarkerRow[]> {
  if (timelines.length === 0) return []
  return db
    .selectFrom('markers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('timeline', 'in', [...timelines])
    .execute()
}

/** Creates the marker at version 0, or moves it and bumps the version when the position changed. */
export async function upsertMarker(db: Db, accountId: string, timeline: string, lastReadId: string, now: string) {
  await db
    .insertInto('markers')
    .values({ account_id: accountId, timeline, last_read_id: lastReadId, version: 0, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'timeline'])
        .doUpdateSet((eb) => ({
          last_read_id: eb.ref('excluded.last_read_id'),
          version: eb('markers.version', '+', 1),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('markers.last_read_id', '<>', lastReadId),
    )
    .execute()
}
