// Read positions in timelines, saved so that a person's devices agree where they stopped reading
// (https://docs.joinmastodon.org/methods/markers/).
import type { AppContext } from '../../context.ts'
import { validationError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { listMarkers, type MarkerRow, upsertMarker } from './markers-store.ts'

export const MARKER_TIMELINES = ['home', 'notifications'] as const
export type MarkerTimeline = (typeof MARKER_TIMELINES)[number]

export async function getMarkers(ctx: AppContext, viewer: Viewer, timelines: readonly string[]): Promise<MarkerRow[]> {
  const known = MARKER_TIMELINES.filter((t) => timelines.includes(t))
  return listMarkers(ctx.db, viewer.account.id, known)
}

/** Saves the positions given; a position that did not move keeps its version. */
export async function saveMarkers(
  ctx: AppContext,
  viewer: Viewer,
  positions: Partial<Record<MarkerTimeline, string>>,
): Promise<MarkerRow[]> {
  const given = MARKER_TIMELINES.filter((t) => positions[t] !== undefined)
  if (given.length === 0) {
    throw validationError({ home: 'Give home[last_read_id] or notifications[last_read_id]' })
  }
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    for (const t of given) await upsertMarker(trx, viewer.account.id, t, positions[t]!, now)
  })
  return listMarkers(ctx.db, viewer.account.id, given)
}
