// Bios and profile field values as safe HTML, with @mentions resolved for a whole page of accounts
// in one query.
import type { AppContext } from '../../context.ts'
import type { AccountRow } from '../../db/schema.ts'
import { canonicalUsername } from '../accounts/username.ts'
import { escapeHtml, extractLocalMentions, type MentionTarget, renderPlainText } from '../text/plain-text.ts'
import { findAccountsByCanonicals, type ProfileField } from './profiles-store.ts'

export type RenderedProfile = { note: string; fields: { name: string; value: string }[] }

export async function renderProfiles(
  ctx: AppContext,
  rows: readonly AccountRow[],
  fields: ReadonlyMap<string, ProfileField[]>,
): Promise<Map<string, RenderedProfile>> {
  const baseUrl = ctx.config.publicUrl
  const host = new URL(baseUrl).host
  const texts = rows.flatMap((r) => [r.note, ...(fields.get(r.id) ?? []).map((f) => f.value)])
  const mentions = await resolveLocalMentions(
    ctx,
    texts.flatMap((t) => (t.includes('@') ? extractLocalMentions(t, host) : [])),
  )
  const out = new Map<string, RenderedProfile>()
  for (const r of rows) {
    out.set(r.id, {
      note: renderPlainText(r.note, { baseUrl, mentions }),
      fields: (fields.get(r.id) ?? []).map((f) => ({
        name: escapeHtml(f.name),
        value: renderPlainText(f.value, { baseUrl, mentions, inline: true }),
      })),
    })
  }
  return out
}

/** Lower-cased usernames → the local accounts they name (exactly, not merely a look-alike). */
export async function resolveLocalMentions(
  ctx: AppContext,
  names: readonly string[],
): Promise<Map<string, MentionTarget>> {
  const unique = [...new Set(names.map((n) => n.toLowerCase()))]
  const wanted = new Set(unique)
  const accounts = await findAccountsByCanonicals(ctx.db, unique.map(canonicalUsername))
  const out = new Map<string, MentionTarget>()
  for (const a of accounts) {
    const lower = a.username.toLowerCase()
    if (!a.suspended_at && wanted.has(lower)) {
      out.set(lower, { username: a.username, url: `${ctx.config.publicUrl}/@${a.username}` })
    }
  }
  return out
}
