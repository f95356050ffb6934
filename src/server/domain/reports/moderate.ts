// Deciding a report. Reports on one target form a group: an action resolves every open report in
// it, and every reporter is told the outcome. Claiming assigns the whole group to one moderator.
import type { AppContext } from '../../context.ts'
import type { ReportRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { recordAudit } from '../admin/audit.ts'
import { hasPermission, listPermissions } from '../admin/permissions.ts'
import { type ActionInput, actOnAccount, type Moderator, removePosts } from './account-actions.ts'
import { notifyReporters, type Outcome } from './notify.ts'
import { findReportById, listEvidence, listOpenReportsByKey, updateOpenReports, updateReport } from './reports-store.ts'

export const REPORT_ACTIONS = [
  'dismiss',
  'remove_content',
  'mark_sensitive',
  'warn',
  'limit',
  'suspend',
  'delete_account',
] as const
export type ReportAction = (typeof REPORT_ACTIONS)[number]

export async function requireReport(ctx: AppContext, id: string): Promise<ReportRow> {
  const report = await findReportById(ctx.db, id)
  if (!report) throw new AppError('not_found', 'Record not found')
  return report
}

/** Takes an action on the target of a report and resolves its whole group. */
export async function decideReport(
  ctx: AppContext,
  mod: Moderator,
  reportId: string,
  action: ReportAction | 'sensitive' | 'disable',
  input: ActionInput & { postIds?: string[]; note?: string } = {},
): Promise<ReportRow> {
  const report = await requireReport(ctx, reportId)
  const open = await listOpenReportsByKey(ctx.db, report.target_key)
  if (open.length === 0) throw new AppError('conflict', 'This report is already resolved', { reason: 'resolved' })
  if ((input.note ?? '').length > 5000) throw validationError({ note: 'The note must be at most 5000 characters' })
  const withReport = { ...input, reportId: report.id }
  let outcome: Outcome = 'actioned'
  if (action === 'dismiss') outcome = 'dismissed'
  else if (action === 'remove_content' || action === 'mark_sensitive') {
    const postIds = input.postIds?.length ? input.postIds : await reportedPostIds(ctx, report, open)
    await removePosts(ctx, mod, postIds, withReport, action)
    if (action === 'remove_content') outcome = 'content_removed'
  } else {
    if (!report.target_account_id) throw validationError({ action: 'This report names no account' })
    if (action === 'delete_account' && !(await hasPermission(ctx.db, mod.viewer, 'delete_user_data'))) {
      throw new AppError('forbidden', 'You are not allowed to do this', { reason: 'permission_required' })
    }
    await actOnAccount(ctx, mod, report.target_account_id, action, withReport)
  }
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await updateOpenReports(trx, report.target_key, {
      action_taken_at: now,
      action_taken_by_account_id: mod.viewer.account.id,
      resolution: action === 'dismiss' ? 'dismissed' : 'actioned',
      resolution_note: (input.note ?? '').trim(),
      updated_at: now,
    })
    await recordAudit(ctx, trx, mod, {
      action: action === 'dismiss' ? 'report.dismiss' : 'report.resolve',
      target: { type: 'report', id: report.id, label: report.target_key },
      before: { open_report_ids: open.map((r) => r.id) },
      after: { action, resolution: action === 'dismiss' ? 'dismissed' : 'actioned', note: input.note ?? '' },
    })
  })
  await notifyReporters(ctx, open, outcome)
  return (await findReportById(ctx.db, report.id))!
}

/** The posts a report is about: its target post, or every post attached as evidence. */
async function reportedPostIds(ctx: AppContext, report: ReportRow, open: ReportRow[]): Promise<string[]> {
  if (report.target_type === 'post' || report.target_type === 'comment') return [report.target_id]
  const evidence = await listEvidence(
    ctx.db,
    open.map((r) => r.id),
  )
  const ids = [...new Set(evidence.map((e) => e.post_id))]
  if (ids.length === 0) throw validationError({ status_ids: 'This report has no posts attached' })
  return ids
}

/** Assigns every open report of the group to a moderator (null: unassigns). */
export async function assignReport(
  ctx: AppContext,
  mod: Moderator,
  reportId: string,
  assigneeId: string | null,
): Promise<ReportRow> {
  const report = await requireReport(ctx, reportId)
  if (assigneeId && assigneeId !== mod.viewer.account.id) {
    const assignee = await ctx.db
      .selectFrom('users')
      .select(['id', 'role', 'custom_role_id'])
      .where('account_id', '=', assigneeId)
      .executeTakeFirst()
    if (!assignee || !(await listPermissions(ctx.db, assignee)).has('manage_reports')) {
      throw validationError({ account_id: 'Reports can be assigned only to moderators' })
    }
  }
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    const n = await updateOpenReports(trx, report.target_key, { assigned_account_id: assigneeId, updated_at: now })
    // A resolved report can still be claimed for the record, as on Mastodon.
    if (n === 0) await updateReport(trx, report.id, { assigned_account_id: assigneeId, updated_at: now })
    await recordAudit(ctx, trx, mod, {
      action: assigneeId ? 'report.assign' : 'report.unassign',
      target: { type: 'report', id: report.id, label: report.target_key },
      before: { assigned_account_id: report.assigned_account_id },
      after: { assigned_account_id: assigneeId },
    })
  })
  return (await findReportById(ctx.db, report.id))!
}

export async function reopenReport(ctx: AppContext, mod: Moderator, reportId: string): Promise<ReportRow> {
  const report = await requireReport(ctx, reportId)
  if (!report.action_taken_at) return report
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await updateReport(trx, report.id, {
      action_taken_at: null,
      action_taken_by_account_id: null,
      resolution: null,
      updated_at: now,
    })
    await recordAudit(ctx, trx, mod, {
      action: 'report.reopen',
      target: { type: 'report', id: report.id, label: report.target_key },
      before: { action_taken_at: report.action_taken_at, resolution: report.resolution },
      after: { action_taken_at: null, resolution: null },
    })
  })
  return (await findReportById(ctx.db, report.id))!
}
