// The moderation queue and decisions (Kith): /api/kith/v1/admin/queue, /reports/:id…,
// /held_posts/:id…, /appeals/:id…  Contract: docs/api-admin.md.
import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { findPerson } from '../../../../domain/admin/people-store.ts'
import { decideAppeal } from '../../../../domain/reports/appeals.ts'
import { evidenceDir } from '../../../../domain/reports/file-report.ts'
import {
  assignReport,
  decideReport,
  REPORT_ACTIONS,
  reopenReport,
  requireReport,
} from '../../../../domain/reports/moderate.ts'
import { approveHeldPost, listQueue, rejectHeldPost } from '../../../../domain/reports/queue.ts'
import { listEvidence, listReportsByKey } from '../../../../domain/reports/reports-store.ts'
import { AppError } from '../../../../errors.ts'
import { actorOf } from '../../../admin/actor.ts'
import { presentAdminAccounts, presentAdminReports } from '../../../mastodon/present/admin.ts'
import type { Api } from '../../../types.ts'
import { IdParams, Loose, presentAppeal, presentEvidence, presentHeldPost } from './present.ts'

const reports = { auth: 'user' as const, scopes: ['admin:read:reports'], permission: 'manage_reports' as const }
const reportsW = { auth: 'user' as const, scopes: ['admin:write:reports'], permission: 'manage_reports' as const }
const appealsW = { auth: 'user' as const, scopes: ['admin:write:reports'], permission: 'manage_appeals' as const }
const Decision = Type.Object({
  action: Type.Union(REPORT_ACTIONS.map((a) => Type.Literal(a))),
  text: Type.Optional(Type.String({ maxLength: 5000, description: 'Reason, sent to the person' })),
  rule_ids: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 50 })),
  duration_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  status_ids: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 100 })),
  note: Type.Optional(Type.String({ maxLength: 5000, description: 'For other moderators only' })),
  send_email_notification: Type.Optional(Type.Boolean()),
})

export function registerModerationRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/admin/queue',
    {
      schema: {
        tags: ['admin'],
        querystring: Type.Object({
          kind: Type.Optional(Type.Union([Type.Literal('report'), Type.Literal('appeal'), Type.Literal('held_post')])),
          assigned: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('unassigned'), Type.Literal('any')])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Array(Loose) },
      },
      config: reports,
    },
    async (req) => {
      const items = await listQueue(ctx, actorOf(req), {
        kind: req.query.kind,
        assigned: req.query.assigned,
        limit: req.query.limit ?? 50,
      })
      const latest = await presentAdminReports(
        ctx,
        req.viewer!,
        await Promise.all(
          items.flatMap((i) => (i.kind === 'report' ? [requireReport(ctx, i.group.latest_report_id)] : [])),
        ),
      )
      const byId = new Map(latest.map((r) => [r.id, r]))
      const authorIds = [
        ...new Set(
          items.flatMap((i) =>
            i.kind === 'held_post' ? [i.post.account_id] : i.kind === 'appeal' ? [i.appeal.account_id] : [],
          ),
        ),
      ]
      const people = (await Promise.all(authorIds.map((id) => findPerson(ctx.db, id)))).filter((p) => !!p)
      const accounts = new Map((await presentAdminAccounts(ctx, req.viewer!, people)).map((a) => [a.id, a]))
      return items.map((i) => {
        if (i.kind === 'report') {
          return {
            kind: i.kind,
            severity: i.severity,
            since: i.since,
            target_key: i.group.target_key,
            reports_count: i.group.reports_count,
            assigned_account_id: i.group.assigned_account_id,
            latest_report: byId.get(i.group.latest_report_id) ?? null,
          }
        }
        if (i.kind === 'appeal') {
          return {
            kind: i.kind,
            severity: i.severity,
            since: i.since,
            appeal: presentAppeal(i.appeal),
            account: accounts.get(i.appeal.account_id) ?? null,
          }
        }
        return {
          kind: i.kind,
          severity: i.severity,
          since: i.since,
          post: presentHeldPost(i.post),
          account: accounts.get(i.post.account_id) ?? null,
        }
      })
    },
  )

  api.get(
    '/api/kith/v1/admin/reports/:id',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: reports },
    async (req) => {
      const report = await requireReport(ctx, req.params.id)
      const group = await listReportsByKey(ctx.db, report.target_key)
      const [presented, evidence] = await Promise.all([
        presentAdminReports(ctx, req.viewer!, group),
        listEvidence(
          ctx.db,
          group.map((r) => r.id),
        ),
      ])
      return {
        report: presented.find((r) => r.id === report.id),
        group: presented,
        evidence: evidence.map((e) => presentEvidence(ctx, e)),
        resolution_note: report.resolution_note,
      }
    },
  )

  api.get(
    '/api/kith/v1/admin/reports/:id/evidence/:file',
    {
      schema: {
        tags: ['admin'],
        params: Type.Object({
          id: Type.String({ pattern: '^[0-9]{1,20}$' }),
          file: Type.String({ pattern: '^[0-9]{1,20}\\.webp$' }),
        }),
      },
      config: reports,
    },
    async (req, reply) => {
      const file = path.join(evidenceDir(ctx, req.params.id), req.params.file)
      if (!existsSync(file)) throw new AppError('not_found', 'Record not found')
      return reply.type('image/webp').header('cache-control', 'private, no-store').send(createReadStream(file))
    },
  )

  api.post(
    '/api/kith/v1/admin/reports/:id/assign',
    {
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: Type.Object({ account_id: Type.Union([Type.String({ maxLength: 30 }), Type.Null()]) }),
        response: { 200: Loose },
      },
      config: reportsW,
    },
    async (req) => {
      const r = await assignReport(ctx, actorOf(req), req.params.id, req.body.account_id)
      return (await presentAdminReports(ctx, req.viewer!, [r]))[0]!
    },
  )
  api.post(
    '/api/kith/v1/admin/reports/:id/decide',
    { schema: { tags: ['admin'], params: IdParams, body: Decision, response: { 200: Loose } }, config: reportsW },
    async (req) => {
      const b = req.body
      const r = await decideReport(ctx, actorOf(req), req.params.id, b.action, {
        text: b.text,
        ruleIds: b.rule_ids,
        durationDays: b.duration_days,
        postIds: b.status_ids,
        note: b.note,
        notify: b.send_email_notification !== false,
      })
      return (await presentAdminReports(ctx, req.viewer!, [r]))[0]!
    },
  )
  api.post(
    '/api/kith/v1/admin/reports/:id/reopen',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: reportsW },
    async (req) =>
      (await presentAdminReports(ctx, req.viewer!, [await reopenReport(ctx, actorOf(req), req.params.id)]))[0]!,
  )

  api.post(
    '/api/kith/v1/admin/held_posts/:id/approve',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: reportsW },
    async (req) => {
      await approveHeldPost(ctx, actorOf(req), req.params.id)
      return { ok: true }
    },
  )
  api.post(
    '/api/kith/v1/admin/held_posts/:id/reject',
    {
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: Type.Optional(
          Type.Object({
            text: Type.Optional(Type.String({ maxLength: 5000 })),
            rule_ids: Type.Optional(Type.Array(Type.String({ maxLength: 30 }))),
          }),
        ),
        response: { 200: Loose },
      },
      config: reportsW,
    },
    async (req) => {
      await rejectHeldPost(ctx, actorOf(req), req.params.id, { text: req.body?.text, ruleIds: req.body?.rule_ids })
      return { ok: true }
    },
  )

  for (const decision of ['approve', 'reject'] as const) {
    api.post(
      `/api/kith/v1/admin/appeals/:id/${decision}`,
      { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: appealsW },
      async (req) => {
        const { appeal, warning } = await decideAppeal(ctx, actorOf(req), req.params.id, decision)
        return { appeal: presentAppeal(appeal), warning }
      },
    )
  }
}
