// GET /api/v1/admin/reports, GET /api/v1/admin/reports/:id, POST …/:id/{assign_to_self,unassign,
// resolve,reopen} (https://docs.joinmastodon.org/methods/admin/reports/)
import { Type } from 'typebox'
import { AdminReport } from '#shared/mastodon-admin.ts'
import type { AppContext } from '../../../../context.ts'
import { assignReport, decideReport, reopenReport, requireReport } from '../../../../domain/reports/moderate.ts'
import { listReports } from '../../../../domain/reports/reports-store.ts'
import { actorOf } from '../../../admin/actor.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentAdminReports } from '../../present/admin.ts'

const Params = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })
const read = { auth: 'user' as const, scopes: ['admin:read:reports'], permission: 'manage_reports' as const }
const write = { auth: 'user' as const, scopes: ['admin:write:reports'], permission: 'manage_reports' as const }

export function registerAdminReportRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/admin/reports',
    {
      schema: {
        tags: ['admin'],
        querystring: Type.Object({
          ...PageQuery,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          resolved: Type.Optional(Type.Boolean()),
          account_id: Type.Optional(Type.String({ maxLength: 30 })),
          target_account_id: Type.Optional(Type.String({ maxLength: 30 })),
          by_target_domain: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: Type.Array(AdminReport) },
      },
      config: read,
    },
    async (req, reply) => {
      const q = req.query
      const page = readPage(q, { limit: 100, max: 200 })
      const rows =
        q.by_target_domain && q.by_target_domain !== ctx.config.domain
          ? []
          : await listReports(ctx.db, {
              ...page,
              // Mastodon lists unresolved reports unless asked otherwise.
              resolved: q.resolved ?? false,
              accountId: q.account_id,
              targetAccountId: q.target_account_id,
            })
      setLinkHeader(ctx, req, reply, { first: rows[0]?.id, last: rows.at(-1)?.id })
      return presentAdminReports(ctx, req.viewer!, rows)
    },
  )
  api.get(
    '/api/v1/admin/reports/:id',
    { schema: { tags: ['admin'], params: Params, response: { 200: AdminReport } }, config: read },
    async (req) => (await presentAdminReports(ctx, req.viewer!, [await requireReport(ctx, req.params.id)]))[0]!,
  )
  const verbs = {
    assign_to_self: (req: any) => assignReport(ctx, actorOf(req), req.params.id, req.viewer!.account.id),
    unassign: (req: any) => assignReport(ctx, actorOf(req), req.params.id, null),
    // Resolving without an action is a dismissal: the reporters are told no action was taken.
    resolve: (req: any) => decideReport(ctx, actorOf(req), req.params.id, 'dismiss'),
    reopen: (req: any) => reopenReport(ctx, actorOf(req), req.params.id),
  }
  for (const [verb, run] of Object.entries(verbs)) {
    api.post(
      `/api/v1/admin/reports/:id/${verb}`,
      { schema: { tags: ['admin'], params: Params, response: { 200: AdminReport } }, config: write },
      async (req) => (await presentAdminReports(ctx, req.viewer!, [await run(req)]))[0]!,
    )
  }
}
