import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import pg from 'pg'
import Cursor from 'pg-cursor'
import type { Config } from '../config.ts'
import { type Dialect, postgres, sqlite } from './dialect.ts'
import { migrations } from './migrations/index.ts'
import { openSqlite } from './node-sqlite.ts'
import type { Database } from './schema.ts'

// count(*) and int8 come back from pg as strings; Kith keeps counts well under 2^53.
pg.types.setTypeParser(20, Number)

export type Db = Kysely<Database>

export function connectDatabase(config: Pick<Config, 'database'>): { db: Db; dialect: Dialect } {
  const { url, kind } = config.database
  if (kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 10 })
    // An idle client whose connection dies (a restart, a failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (err) => console.error(`PostgreSQL idle client error: ${err.message}`))
    // An idle client whose connection the server ends (restart, pg_terminate_backend, DROP DATABASE
    // … FORCE) is dropped by the pool, which then emits 'error'; unheard, that would crash the process.
    pool.on('error', () => {})
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) }), dialect: postgres }
  }
  const file = url === ':memory:' ? ':memory:' : url.slice('file:'.length)
  const { kysely } = openSqlite(file)
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: kysely }) }), dialect: sqlite }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
