// The site's rules, shown at sign-up and in GET /api/v1/instance/rules.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { RuleRow } from '../../db/schema.ts'
import { validationError } from '../../errors.ts'
import { insertRule, listRules } from './instance-store.ts'

export const RULE_TEXT_MAX_LENGTH = 300
export const RULE_HINT_MAX_LENGTH = 1000

/** Adds a rule at the end of the list. */
export async function createRule(ctx: AppContext, input: { text: string; hint?: string }): Promise<RuleRow> {
  const text = input.text.trim()
  const hint = (input.hint ?? '').trim()
  if (!text) throw validationError({ text: "Rule text can't be blank" })
  if (text.length > RULE_TEXT_MAX_LENGTH) {
    throw validationError({ text: `Rule text must be at most ${RULE_TEXT_MAX_LENGTH} characters` })
  }
  if (hint.length > RULE_HINT_MAX_LENGTH) {
    throw validationError({ hint: `Rule hint must be at most ${RULE_HINT_MAX_LENGTH} characters` })
  }
  const existing = await listRules(ctx.db)
  const now = ctx.clock.now()
  const row: RuleRow = {
    id: newId(now),
    text,
    hint,
    position: existing.reduce((max, r) => Math.max(max, r.position + 1), 0),
    created_at: now.toISOString(),
  }
  await insertRule(ctx.db, row)
  return row
}

export function listInstanceRules(ctx: AppContext): Promise<RuleRow[]> {
  return listRules(ctx.db)
}
