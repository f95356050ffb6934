// Adapts node:sqlite's DatabaseSync to the better-sqlite3 shape Kysely's SqliteDialect expects.
// NOTE: better-sqlite3 is compiled at install for the machine's Node and crashes on Node 26,
// which is why Kith uses the built-in driver.
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

type Bindable = null | number | bigint | string | Uint8Array

function toBindable(value: unknown): Bindable {
  if (value === undefined || value === null) return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'boolean') return value ? 1 : 0
  return value as Bindable
}

export function openSqlite(filename: string): { kysely: SqliteDatabase; raw: DatabaseSync } {
  const raw = new DatabaseSync(filename)
  raw.exec('PRAGMA journal_mode = WAL')
  raw.exec('PRAGMA synchronous = NORMAL') // WAL + NORMAL: committed data survives a process crash
  raw.exec('PRAGMA busy_timeout = 5000')
  raw.exec('PRAGMA foreign_keys = ON')
  // node:sqlite reads a leading object as named parameters, so pass an empty one first.
  const args = (params: ReadonlyArray<unknown>) =>
    [{}, ...params.map(toBindable)] as [Record<string, Bindable>, ...Bindable[]]
  const wrap = (s: StatementSync): SqliteStatement => ({
    reader: s.columns().length > 0,
    all: (params) => s.all(...args(params)).map((row) => ({ ...row })),
    run: (params) => {
      const r = s.run(...args(params))
      return { changes: r.changes, lastInsertRowid: r.lastInsertRowid }
    },
    iterate: function* (params) {
      for (const row of s.iterate(...args(params))) yield { ...(row as object) }
    },
  })
  // Kysely compiles each query to SQL text; prepare each text once (hot paths keep their text
  // stable: see `idIn` in dialect.ts).
  const cache = new Map<string, SqliteStatement>()
  const prepare = (sql: string): SqliteStatement => {
    let stmt = cache.get(sql)
    if (!stmt) {
      stmt = wrap(raw.prepare(sql))
      if (cache.size > 2000) cache.clear()
      cache.set(sql, stmt)
    }
    return stmt
  }
  return { kysely: { prepare, close: () => raw.close() }, raw }
}
