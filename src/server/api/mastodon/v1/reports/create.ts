// POST /api/v1/reports (https://docs.joinmastodon.org/methods/reports/)
import { Type } from 'typebox'
import { Report } from '#shared/mastodon-admin.ts'
import type { AppContext } from '../../../../context.ts'
import { fileReport } from '../../../../domain/reports/file-report.ts'
import type { Api } from '../../../types.ts'
import { presentReport } from '../../present/admin.ts'

const Ids = Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 100 }))

export function registerReportCreateRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/reports',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Report an account, optionally with posts attached',
        body: Type.Object({
          account_id: Type.String({ maxLength: 30 }),
          status_ids: Ids,
          comment: Type.Optional(Type.String({ maxLength: 5000 })),
          forward: Type.Optional(Type.Boolean()), // Kith does not federate: ignored
          forward_to_domains: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 20 })),
          category: Type.Optional(
            Type.String({
              maxLength: 30,
              description:
                'Mastodon: spam | legal | violation | other. Kith: spam | harassment | violence | terrorism | child_safety | illegal | other',
            }),
          ),
          rule_ids: Ids,
        }),
        response: { 200: Report },
      },
      config: { auth: 'user', scopes: ['write:reports'], rateLimit: { max: 60, timeWindow: '1 hour' } },
    },
    async (req) => {
      const b = req.body
      const report = await fileReport(ctx, req.viewer!, {
        accountId: b.account_id,
        postIds: b.status_ids,
        comment: b.comment,
        category: b.category,
        ruleIds: b.rule_ids,
      })
      return presentReport(ctx, req.viewer!, report, [...new Set(b.status_ids ?? [])])
    },
  )
}
