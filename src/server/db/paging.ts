// Keyset paging on a time-sortable id column (Mastodon's max_id / since_id / min_id), the same
// on both databases because ids are fixed-width decimal text.
import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely'

/** Ids are already normalised (`normalizePagingId`); null means "not given". */
export type Page = { maxId: string | null; sinceId: string | null; minId: string | null; limit: number }

export const FIRST_PAGE: Page = { maxId: null, sinceId: null, minId: null, limit: 40 }

/**
 * Newest first below max_id and above since_id; with min_id, the oldest ones just above it
 * (ascending in SQL, so pass the rows through `pageRows` to get them newest first again).
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  column: string,
  page: Page,
): SelectQueryBuilder<DB, TB, O> {
  const col = sql.ref(column)
  let q = qb
  if (page.maxId) q = q.where(sql<SqlBool>`${col} < ${page.maxId}`)
  if (page.sinceId) q = q.where(sql<SqlBool>`${col} > ${page.sinceId}`)
  if (page.minId) q = q.where(sql<SqlBool>`${col} > ${page.minId}`)
  return q.orderBy(col, page.minId ? 'asc' : 'desc').limit(page.limit)
}

export function pageRows<T>(rows: T[], page: Page): T[] {
  return page.minId ? rows.reverse() : rows
}
