// People's own content filters (Mastodon v2 filters): stored and served here.
// TODO(timelines follow-up): apply them to timelines and return `filtered` on statuses.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { UserFilterRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'

export const FILTER_CONTEXTS = ['home', 'notifications', 'public', 'thread', 'account'] as const
export const FILTER_ACTIONS = ['warn', 'hide', 'blur'] as const
const MAX_FILTERS = 100
const MAX_KEYWORDS = 100

export type KeywordInput = { id?: string; keyword?: string; whole_word?: boolean; _destroy?: boolean }
export type FilterInput = {
  title?: string
  context?: string[]
  filter_action?: string
  expires_in?: number | null
  keywords_attributes?: KeywordInput[]
}
export type FilterWithParts = UserFilterRow & {
  keywords: { id: string; keyword: string; whole_word: 0 | 1 }[]
  statuses: { id: string; post_id: string }[]
}

function check(input: FilterInput, creating: boolean) {
  const bad: Record<string, string> = {}
  if ((creating || input.title !== undefined) && (!input.title?.trim() || input.title.length > 200))
    bad.title = 'title must be 1 to 200 characters'
  if (creating || input.context !== undefined) {
    const ctxs = input.context ?? []
    if (ctxs.length === 0 || ctxs.some((c) => !(FILTER_CONTEXTS as readonly string[]).includes(c)))
      bad.context = `context must be some of ${FILTER_CONTEXTS.join(', ')}`
  }
  if (input.filter_action !== undefined && !(FILTER_ACTIONS as readonly string[]).includes(input.filter_action))
    bad.filter_action = 'filter_action must be warn, hide or blur'
  const e = input.expires_in
  if (e !== undefined && e !== null && !(Number.isInteger(e) && e > 0))
    bad.expires_in = 'expires_in must be a positive number of seconds'
  for (const k of input.keywords_attributes ?? []) {
    if (!k._destroy && (!k.keyword?.trim() || k.keyword.length > 200))
      bad.keywords_attributes = 'Each keyword must be 1 to 200 characters'
  }
  if ((input.keywords_attributes ?? []).length > MAX_KEYWORDS)
    bad.keywords_attributes = `At most ${MAX_KEYWORDS} keywords`
  if (Object.keys(bad).length > 0) throw validationError(bad)
}

export async function listUserFilters(ctx: AppContext, accountId: string, id?: string): Promise<FilterWithParts[]> {
  let q = ctx.db.selectFrom('user_filters').selectAll().where('account_id', '=', accountId)
  if (id) q = q.where('id', '=', id)
  const filters = await q.orderBy('id').execute()
  if (filters.length === 0) return []
  const ids = filters.map((f) => f.id)
  const [keywords, statuses] = await Promise.all([
    ctx.db.selectFrom('user_filter_keywords').selectAll().where('filter_id', 'in', ids).orderBy('id').execute(),
    ctx.db.selectFrom('user_filter_statuses').selectAll().where('filter_id', 'in', ids).orderBy('id').execute(),
  ])
  return filters.map((f) => ({
    ...f,
    keywords: keywords.filter((k) => k.filter_id === f.id),
    statuses: statuses.filter((s) => s.filter_id === f.id),
  }))
}

export async function getUserFilter(ctx: AppContext, accountId: string, id: string): Promise<FilterWithParts> {
  const [f] = await listUserFilters(ctx, accountId, id)
  if (!f) throw new AppError('not_found', 'Record not found')
  return f
}

export async function createUserFilter(
  ctx: AppContext,
  accountId: string,
  input: FilterInput,
): Promise<FilterWithParts> {
  check(input, true)
  const count = await ctx.db
    .selectFrom('user_filters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow()
  if (Number(count.n) >= MAX_FILTERS) throw validationError({ title: `At most ${MAX_FILTERS} filters` })
  const now = ctx.clock.now()
  const row: UserFilterRow = {
    id: newId(now),
    account_id: accountId,
    title: input.title!.trim(),
    context: [...new Set(input.context)].join(' '),
    action: (input.filter_action ?? 'warn') as UserFilterRow['action'],
    expires_at: input.expires_in ? new Date(now.getTime() + input.expires_in * 1000).toISOString() : null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('user_filters').values(row).execute()
    for (const k of input.keywords_attributes ?? []) {
      if (k._destroy) continue
      await trx
        .insertInto('user_filter_keywords')
        .values({
          id: newId(now),
          filter_id: row.id,
          keyword: k.keyword!.trim(),
          whole_word: k.whole_word === false ? 0 : 1,
        })
        .execute()
    }
  })
  return getUserFilter(ctx, accountId, row.id)
}

export async function updateUserFilter(
  ctx: AppContext,
  accountId: string,
  id: string,
  input: FilterInput,
): Promise<FilterWithParts> {
  await getUserFilter(ctx, accountId, id)
  check(input, false)
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('user_filters')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.context !== undefined ? { context: [...new Set(input.context)].join(' ') } : {}),
        ...(input.filter_action !== undefined ? { action: input.filter_action as UserFilterRow['action'] } : {}),
        ...(input.expires_in !== undefined
          ? { expires_at: input.expires_in ? new Date(now.getTime() + input.expires_in * 1000).toISOString() : null }
          : {}),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute()
    for (const k of input.keywords_attributes ?? []) {
      if (k.id && k._destroy) {
        await trx.deleteFrom('user_filter_keywords').where('id', '=', k.id).where('filter_id', '=', id).execute()
      } else if (k.id) {
        await trx
          .updateTable('user_filter_keywords')
          .set({
            keyword: k.keyword!.trim(),
            ...(k.whole_word !== undefined ? { whole_word: k.whole_word ? 1 : 0 } : {}),
          })
          .where('id', '=', k.id)
          .where('filter_id', '=', id)
          .execute()
      } else if (!k._destroy) {
        await trx
          .insertInto('user_filter_keywords')
          .values({
            id: newId(now),
            filter_id: id,
            keyword: k.keyword!.trim(),
            whole_word: k.whole_word === false ? 0 : 1,
          })
          .execute()
      }
    }
  })
  return getUserFilter(ctx, accountId, id)
}

export async function deleteUserFilter(ctx: AppContext, accountId: string, id: string): Promise<void> {
  await getUserFilter(ctx, accountId, id)
  await ctx.db.deleteFrom('user_filters').where('id', '=', id).execute()
}
