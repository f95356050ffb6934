// POST /api/v1/admin/measures (https://docs.joinmastodon.org/methods/admin/measures/)
import { Type } from 'typebox'
import { Measure } from '#shared/mastodon-admin.ts'
import type { AppContext } from '../../../../context.ts'
import { getMeasures, MEASURE_KEYS, type MeasureKey } from '../../../../domain/admin/dashboard.ts'
import { validationError } from '../../../../errors.ts'
import type { Api } from '../../../types.ts'

const DATE_RE = '^\\d{4}-\\d{2}-\\d{2}'

export function registerAdminMeasureRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/admin/measures',
    {
      schema: {
        tags: ['admin'],
        body: Type.Object({
          keys: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 20 }),
          start_at: Type.String({ pattern: DATE_RE, maxLength: 40 }),
          end_at: Type.String({ pattern: DATE_RE, maxLength: 40 }),
        }),
        response: { 200: Type.Array(Measure) },
      },
      config: { auth: 'user', scopes: ['admin:read'], permission: 'view_dashboard' },
    },
    async (req) => {
      const { start_at, end_at } = req.body
      const span = Date.parse(end_at.slice(0, 10)) - Date.parse(start_at.slice(0, 10))
      if (!(span >= 0 && span <= 366 * 86_400_000))
        throw validationError({ end_at: 'The period must be 0 to 366 days' })
      // Keys Kith cannot measure (tags, remote instances) are left out, as Mastodon drops unknown keys.
      const keys = req.body.keys.filter((k): k is MeasureKey => (MEASURE_KEYS as readonly string[]).includes(k))
      const measures = await getMeasures(ctx, keys, start_at, end_at)
      return measures.map((m) => ({
        key: m.key,
        unit: null,
        total: String(m.total),
        previous_total: String(m.previous_total),
        data: m.data.map((d) => ({ date: `${d.date}T00:00:00Z`, value: String(d.value) })),
      }))
    },
  )
}
