// Bulk writers for the generator: prepared statements in 10k-row transactions on SQLite,
// multi-row INSERTs in large transactions on PostgreSQL.
// NOTE: the design notes suggest COPY for PostgreSQL; multi-row INSERTs need no extra package and
// load the S size in seconds, so COPY is left for when the M size on PostgreSQL needs it.
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import pg from 'pg'

export type Row = (string | number | null)[]
export type Writer = {
  insert(table: string, columns: string[], rows: Row[]): Promise<void>
  exec(sql: string): Promise<void>
  /**
   * Drops secondary indexes and triggers for the load (the design notes: "indexes after the load");
   * the returned function creates them again from their own definitions.
   */
  suspendIndexes(): Promise<() => Promise<void>>
  close(): Promise<void>
}

export function sqliteWriter(file: string): Writer {
  const db = new DatabaseSync(file)
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA synchronous = OFF') // a generator run that crashes is simply run again
  db.exec('PRAGMA foreign_keys = OFF')
  const statements = new Map<string, StatementSync>()
  return {
    async insert(table, columns, rows) {
      const key = `${table}(${columns.join(',')})`
      let stmt = statements.get(key)
      if (!stmt) {
        stmt = db.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`)
        statements.set(key, stmt)
      }
      for (let i = 0; i < rows.length; i += 10_000) {
        db.exec('BEGIN')
        for (const row of rows.slice(i, i + 10_000)) stmt.run(...row)
        db.exec('COMMIT')
      }
    },
    async exec(sql) {
      db.exec(sql)
    },
    async suspendIndexes() {
      // Automatic indexes (primary keys, UNIQUE) have no SQL and stay: they keep the load honest.
      const saved = db
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL")
        .all() as { type: string; name: string; sql: string }[]
      for (const s of saved) db.exec(`DROP ${s.type.toUpperCase()} "${s.name}"`)
      return async () => {
        for (const s of saved) db.exec(s.sql)
      }
    },
    async close() {
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}

export async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('SET synchronous_commit = off')
  return {
    async insert(table, columns, rows) {
      const perStatement = Math.floor(30_000 / columns.length)
      await client.query('BEGIN')
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement)
        const params: (string | number | null)[] = []
        const tuples = chunk.map((row) => {
          const start = params.length
          params.push(...row)
          return `(${row.map((_, j) => `$${start + j + 1}`).join(',')})`
        })
        await client.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples.join(',')}`, params)
      }
      await client.query('COMMIT')
    },
    async exec(sql) {
      await client.query(sql)
    },
    async suspendIndexes() {
      // Indexes that back no constraint; triggers are skipped for this session only.
      const { rows } = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
        AND indexname NOT IN (SELECT conname FROM pg_constraint)`)
      for (const r of rows) await client.query(`DROP INDEX "${r.indexname}"`)
      await client.query("SET session_replication_role = 'replica'")
      return async () => {
        await client.query("SET session_replication_role = 'origin'")
        for (const r of rows) await client.query(r.indexdef)
      }
    },
    async close() {
      await client.end()
    },
  }
}
