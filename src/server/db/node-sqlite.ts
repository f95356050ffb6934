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
  // KITH_SQL_PROFILE=1 (bench and profiling only): time every statement, print the dearest at exit.
  const profile = process.env.KITH_SQL_PROFILE ? new Map<string, { n: number; ms: number }>() : null
  if (profile) process.on('exit', () => printSqlProfile(profile))
  const timed = <T>(sqlText: string, run: () => T): T => {
    const started = performance.now()
    const result = run()
    const entry = profile!.get(sqlText) ?? { n: 0, ms: 0 }
    entry.n++
    entry.ms += performance.now() - started
    profile!.set(sqlText, entry)
    return result
  }
  const wrap = (s: StatementSync): SqliteStatement => ({
    reader: s.columns().length > 0,
    all: profile
      ? (params) => timed(s.sourceSQL, () => s.all(...args(params)).map((row) => ({ ...row })))
      : (params) => s.all(...args(params)).map((row) => ({ ...row })),
    run: (params) => {
      const r = profile ? timed(s.sourceSQL, () => s.run(...args(params))) : s.run(...args(params))
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

function printSqlProfile(profile: Map<string, { n: number; ms: number }>): void {
  const rows = [...profile].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)
  for (const [text, { n, ms }] of rows) {
    const each = Math.round((ms * 1000) / n)
    console.error(
      `${ms.toFixed(0).padStart(7)} ms ${String(n).padStart(8)}× ${String(each).padStart(6)} µs  ${text.slice(0, 240)}`,
    )
  }
}
