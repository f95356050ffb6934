// Server-wide word filters: a `block` filter refuses the post, a `flag` filter holds it for a
// moderator (posts.held_at) before anyone else sees it. Compiled patterns are cached briefly,
// like site settings, so a change applies within two seconds on every instance.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { ContentFilterRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { type Actor, recordAudit } from '../admin/audit.ts'

export const PATTERN_MAX_LENGTH = 200
const CACHE_MS = 2000
type Compiled = { row: ContentFilterRow; re: RegExp }
const cache = new WeakMap<Db, { at: number; filters: Compiled[] }>()

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function compile(row: Pick<ContentFilterRow, 'pattern' | 'kind'>): RegExp {
  if (row.kind === 'word') return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegex(row.pattern)}(?![\\p{L}\\p{N}_])`, 'iu')
  return new RegExp(row.pattern, 'iu')
}

export async function listContentFilters(db: Db): Promise<ContentFilterRow[]> {
  return db.selectFrom('content_filters').selectAll().orderBy('id').execute()
}

async function compiledFilters(ctx: AppContext): Promise<Compiled[]> {
  const hit = cache.get(ctx.db)
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.filters
  const filters = (await listContentFilters(ctx.db)).flatMap((row) => {
    try {
      return [{ row, re: compile(row) }]
    } catch {
      return []
    }
  })
  cache.set(ctx.db, { at: Date.now(), filters })
  return filters
}

/** What the server-wide filters say about a text: refuse it, hold it for review, or let it through. */
export async function screenText(
  ctx: AppContext,
  text: string,
): Promise<{ verdict: 'ok' | 'flag' | 'block'; pattern?: string }> {
  if (!text) return { verdict: 'ok' }
  const filters = await compiledFilters(ctx)
  let flagged: string | undefined
  for (const f of filters) {
    if (!f.re.test(text)) continue
    if (f.row.action === 'block')
      return { verdict: 'block', pattern: f.row.kind === 'word' ? f.row.pattern : undefined }
    flagged ??= f.row.pattern
  }
  return flagged ? { verdict: 'flag', pattern: flagged } : { verdict: 'ok' }
}

export async function createContentFilter(
  ctx: AppContext,
  actor: Actor,
  input: { pattern: string; kind: 'word' | 'regex'; action: 'block' | 'flag' },
): Promise<ContentFilterRow> {
  const pattern = input.pattern.trim()
  if (!pattern) throw validationError({ pattern: "Pattern can't be blank" })
  if (pattern.length > PATTERN_MAX_LENGTH)
    throw validationError({ pattern: `At most ${PATTERN_MAX_LENGTH} characters` })
  if (!['word', 'regex'].includes(input.kind)) throw validationError({ kind: 'kind must be word or regex' })
  if (!['block', 'flag'].includes(input.action)) throw validationError({ action: 'action must be block or flag' })
  if (input.kind === 'regex') {
    // A nested quantifier such as (a+)+ can take exponential time on a crafted post.
    if (/\([^)]*[+*}][^)]*\)\s*[+*{]/.test(pattern) || /\\\d/.test(pattern)) {
      throw validationError({ pattern: 'Nested repetition and back-references are not allowed' })
    }
    try {
      compile({ pattern, kind: 'regex' })
    } catch {
      throw validationError({ pattern: 'Not a valid regular expression' })
    }
  }
  const row: ContentFilterRow = {
    id: newId(ctx.clock.now()),
    pattern,
    kind: input.kind,
    action: input.action,
    created_at: ctx.clock.now().toISOString(),
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('content_filters').values(row).execute()
    await recordAudit(ctx, trx, actor, {
      action: 'content_filter.create',
      target: { type: 'content_filter', id: row.id, label: pattern },
      after: row,
    })
  })
  cache.delete(ctx.db)
  return row
}

export async function deleteContentFilter(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await ctx.db.selectFrom('content_filters').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'Record not found')
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('content_filters').where('id', '=', id).execute()
    await recordAudit(ctx, trx, actor, {
      action: 'content_filter.delete',
      target: { type: 'content_filter', id, label: row.pattern },
      before: row,
    })
  })
  cache.delete(ctx.db)
}
