// Appeals: a person may contest each warning (strike) once. Appeals wait in the moderation
// queue; approving one overturns the warning and undoes what can be undone.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { AccountWarningRow, AppealRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { recordAudit } from '../admin/audit.ts'
import type { Viewer } from '../auth/viewer.ts'
import { sendMail } from '../mail/mailer.ts'
import { type LiftAction, liftAccountAction, type Moderator } from './account-actions.ts'
import { splitIds } from './categories.ts'

export const APPEAL_TEXT_MAX = 2000

export async function listOwnWarnings(ctx: AppContext, viewer: Viewer) {
  const warnings = await ctx.db
    .selectFrom('account_warnings')
    .selectAll()
    .where('account_id', '=', viewer.account.id)
    .orderBy('id', 'desc')
    .limit(100)
    .execute()
  const appeals = warnings.length
    ? await ctx.db
        .selectFrom('appeals')
        .selectAll()
        .where(
          'warning_id',
          'in',
          warnings.map((w) => w.id),
        )
        .execute()
    : []
  const byWarning = new Map(appeals.map((a) => [a.warning_id, a]))
  return warnings.map((w) => ({ warning: w, appeal: byWarning.get(w.id) ?? null }))
}

export async function fileAppeal(ctx: AppContext, viewer: Viewer, warningId: string, text: string): Promise<AppealRow> {
  const body = text.trim()
  if (!body) throw validationError({ text: 'Tell the moderators why the decision was wrong' })
  if (body.length > APPEAL_TEXT_MAX) throw validationError({ text: `At most ${APPEAL_TEXT_MAX} characters` })
  const warning = await ctx.db
    .selectFrom('account_warnings')
    .selectAll()
    .where('id', '=', warningId)
    .where('account_id', '=', viewer.account.id)
    .executeTakeFirst()
  if (!warning) throw new AppError('not_found', 'Record not found')
  if (warning.overturned_at)
    throw new AppError('conflict', 'This decision was already overturned', { reason: 'overturned' })
  const now = ctx.clock.now()
  const row: AppealRow = {
    id: newId(now),
    warning_id: warning.id,
    account_id: viewer.account.id,
    text: body,
    status: 'pending',
    assigned_account_id: null,
    resolved_by_account_id: null,
    resolved_at: null,
    created_at: now.toISOString(),
  }
  try {
    await ctx.db.insertInto('appeals').values(row).execute()
  } catch (err) {
    // The unique warning_id decides: one appeal per warning, even when two race.
    if (/unique|duplicate/i.test(String(err))) {
      throw new AppError('conflict', 'You have already appealed this decision', { reason: 'already_appealed' })
    }
    throw err
  }
  return row
}

const UNDO: Partial<Record<string, LiftAction>> = {
  limit: 'unlimit',
  suspend: 'unsuspend',
  disable: 'enable',
  sensitive: 'unsensitive',
}

export async function decideAppeal(
  ctx: AppContext,
  mod: Moderator,
  appealId: string,
  decision: 'approve' | 'reject',
): Promise<{ appeal: AppealRow; warning: AccountWarningRow }> {
  const appeal = await ctx.db.selectFrom('appeals').selectAll().where('id', '=', appealId).executeTakeFirst()
  if (!appeal) throw new AppError('not_found', 'Record not found')
  if (appeal.status !== 'pending')
    throw new AppError('conflict', 'This appeal is already decided', { reason: 'resolved' })
  const warning = await ctx.db
    .selectFrom('account_warnings')
    .selectAll()
    .where('id', '=', appeal.warning_id)
    .executeTakeFirstOrThrow()
  const now = ctx.clock.now().toISOString()
  const status = decision === 'approve' ? 'approved' : 'rejected'
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('appeals')
      .set({ status, resolved_at: now, resolved_by_account_id: mod.viewer.account.id })
      .where('id', '=', appeal.id)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict', 'This appeal is already decided')
    if (decision === 'approve') {
      await trx.updateTable('account_warnings').set({ overturned_at: now }).where('id', '=', warning.id).execute()
      if (warning.action === 'mark_sensitive' && warning.post_ids) {
        await trx.updateTable('posts').set({ sensitive: 0 }).where('id', 'in', splitIds(warning.post_ids)).execute()
      }
    }
    await recordAudit(ctx, trx, mod, {
      action: `appeal.${decision}`,
      target: { type: 'appeal', id: appeal.id, label: `warning ${warning.id} (${warning.action})` },
      before: { status: 'pending' },
      after: { status, overturned: decision === 'approve' },
    })
  })
  const undo = UNDO[warning.action]
  if (decision === 'approve' && undo) await liftAccountAction(ctx, mod, warning.account_id, undo, { notify: false })
  // NOTE: removed posts cannot come back; the report keeps their copy.
  const person = await ctx.db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.email', 'accounts.username', 'accounts.display_name'])
    .where('accounts.id', '=', warning.account_id)
    .executeTakeFirst()
  if (person) {
    await sendMail(ctx, {
      to: person.email,
      subject: decision === 'approve' ? 'Your appeal was approved' : 'Your appeal was rejected',
      text: [
        `Hi ${person.display_name || person.username},`,
        '',
        decision === 'approve'
          ? 'A moderator reviewed your appeal and overturned the decision.'
          : 'A moderator reviewed your appeal and upheld the decision.',
      ].join('\n'),
    })
  }
  const fresh = await ctx.db.selectFrom('appeals').selectAll().where('id', '=', appeal.id).executeTakeFirstOrThrow()
  const freshWarning = await ctx.db
    .selectFrom('account_warnings')
    .selectAll()
    .where('id', '=', warning.id)
    .executeTakeFirstOrThrow()
  return { appeal: fresh, warning: freshWarning }
}
