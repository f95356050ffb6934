// The only file that knows which database is running. Everything else calls these helpers.
import { type Kysely, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely'

export type Dialect = {
  name: 'sqlite' | 'postgres'
  /** Case-insensitive substring match. SQLite's LIKE folds ASCII only. */
  contains(column: string, needle: string): RawBuilder<SqlBool>
  /** Case-insensitive prefix match, for autocompletion. */
  startsWith(column: string, needle: string): RawBuilder<SqlBool>
  /** The database's size on disk in bytes, for the admin dashboard. */
  databaseBytes: RawBuilder<{ n: number }>
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export const sqlite: Dialect = {
  name: 'sqlite',
  contains: (col, s) => sql<SqlBool>`${sql.ref(col)} LIKE ${`%${escapeLike(s)}%`} ESCAPE '\\'`,
  startsWith: (col, s) => sql<SqlBool>`${sql.ref(col)} LIKE ${`${escapeLike(s)}%`} ESCAPE '\\'`,
  databaseBytes: sql<{ n: number }>`SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()`,
}

export const postgres: Dialect = {
  name: 'postgres',
  contains: (col, s) => sql<SqlBool>`${sql.ref(col)} ILIKE ${`%${escapeLike(s)}%`}`,
  startsWith: (col, s) => sql<SqlBool>`${sql.ref(col)} ILIKE ${`${escapeLike(s)}%`}`,
  databaseBytes: sql<{ n: number }>`SELECT pg_database_size(current_database()) AS n`,
}

/** For the rare query whose best form differs (see homeCandidateIds); everything else stays shared. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/**
 * `column IN (ids)` with ONE bound parameter whatever the number of ids, so the SQL text (and the
 * prepared statement cached for it) is the same for every page: `json_each` on SQLite, `ANY` on
 * PostgreSQL. Chosen from the connection itself, so store functions need no extra argument.
 */
export function idIn(db: Kysely<any>, column: string, ids: readonly string[]): RawBuilder<SqlBool> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    return sql<SqlBool>`${sql.ref(column)} = ANY(${[...ids]}::text[])`
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
}
