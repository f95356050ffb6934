// Site rules, edited by admins: create, change, reorder and delete (ordered by `position`).
import type { AppContext } from '../../context.ts'
import type { RuleRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { createRule, RULE_HINT_MAX_LENGTH, RULE_TEXT_MAX_LENGTH } from '../instance/rules.ts'
import type { Moderator } from '../reports/account-actions.ts'
import { recordAudit } from './audit.ts'

async function findRuleOr404(ctx: AppContext, id: string): Promise<RuleRow> {
  const rule = await ctx.db.selectFrom('rules').selectAll().where('id', '=', id).executeTakeFirst()
  if (!rule) throw new AppError('not_found', 'Record not found')
  return rule
}

export async function addRule(
  ctx: AppContext,
  mod: Moderator,
  input: { text: string; hint?: string },
): Promise<RuleRow> {
  const rule = await createRule(ctx, input)
  await recordAudit(ctx, ctx.db, mod, {
    action: 'rule.create',
    target: { type: 'rule', id: rule.id, label: rule.text },
    after: rule,
  })
  return rule
}

export async function editRule(
  ctx: AppContext,
  mod: Moderator,
  id: string,
  input: { text?: string; hint?: string; position?: number },
): Promise<RuleRow> {
  const before = await findRuleOr404(ctx, id)
  const changes: Partial<RuleRow> = {}
  if (input.text !== undefined) {
    const text = input.text.trim()
    if (!text || text.length > RULE_TEXT_MAX_LENGTH)
      throw validationError({ text: `Rule text must be 1 to ${RULE_TEXT_MAX_LENGTH} characters` })
    changes.text = text
  }
  if (input.hint !== undefined) {
    if (input.hint.length > RULE_HINT_MAX_LENGTH)
      throw validationError({ hint: `At most ${RULE_HINT_MAX_LENGTH} characters` })
    changes.hint = input.hint.trim()
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (Object.keys(changes).length) await trx.updateTable('rules').set(changes).where('id', '=', id).execute()
    if (input.position !== undefined) {
      // Move the rule to `position` (0-based) and renumber the rest in order.
      const rules = await trx.selectFrom('rules').select(['id']).orderBy('position').orderBy('id').execute()
      const ids = rules.map((r) => r.id).filter((r) => r !== id)
      ids.splice(Math.max(0, Math.min(input.position, ids.length)), 0, id)
      for (const [position, ruleId] of ids.entries())
        await trx.updateTable('rules').set({ position }).where('id', '=', ruleId).execute()
    }
    await recordAudit(ctx, trx, mod, {
      action: 'rule.update',
      target: { type: 'rule', id, label: changes.text ?? before.text },
      before,
      after: input,
    })
  })
  return findRuleOr404(ctx, id)
}

export async function removeRule(ctx: AppContext, mod: Moderator, id: string): Promise<void> {
  const before = await findRuleOr404(ctx, id)
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('rules').where('id', '=', id).execute()
    await recordAudit(ctx, trx, mod, {
      action: 'rule.delete',
      target: { type: 'rule', id, label: before.text },
      before,
    })
  })
}
