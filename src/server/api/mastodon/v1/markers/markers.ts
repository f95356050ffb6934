// GET /api/v1/markers, POST /api/v1/markers (https://docs.joinmastodon.org/methods/markers/)
import { Type } from 'typebox'
import { Marker } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { getMarkers, MARKER_TIMELINES, saveMarkers } from '../../../../domain/markers/markers.ts'
import type { MarkerRow } from '../../../../domain/markers/markers-store.ts'
import type { Api } from '../../../types.ts'

const Markers = Type.Object({ home: Type.Optional(Marker), notifications: Type.Optional(Marker) })
const Position = Type.Optional(Type.Object({ last_read_id: Type.String({ pattern: '^[0-9]{1,20}$' }) }))

const present = (rows: MarkerRow[]) =>
  Object.fromEntries(
    rows.map((m) => [m.timeline, { last_read_id: m.last_read_id, version: m.version, updated_at: m.updated_at }]),
  )

export function registerMarkerRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/markers',
    {
      schema: {
        tags: ['markers'],
        // `timeline[]=home&timeline[]=notifications`; without it, both. Unknown names are ignored.
        querystring: Type.Object({
          timeline: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 10 })),
        }),
        response: { 200: Markers },
      },
      config: { auth: 'user', scopes: ['read:statuses'] },
    },
    async (req) => present(await getMarkers(ctx, req.viewer!, req.query.timeline ?? MARKER_TIMELINES)),
  )
  api.post(
    '/api/v1/markers',
    {
      schema: {
        tags: ['markers'],
        body: Type.Object({ home: Position, notifications: Position }),
        response: { 200: Markers },
      },
      config: { auth: 'user', scopes: ['write:statuses'] },
    },
    async (req) =>
      present(
        await saveMarkers(ctx, req.viewer!, {
          home: req.body.home?.last_read_id,
          notifications: req.body.notifications?.last_read_id,
        }),
      ),
  )
}
