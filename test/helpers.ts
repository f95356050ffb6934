// Test harness: a fresh database per app (SQLite in memory, or a new PostgreSQL database when
// DATABASE_URL is set), named fixtures built through the domain, and helpers for auth headers.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestContext } from 'node:test'
import pg from 'pg'
import pino from 'pino'
import { buildApp } from '#server/app.ts'
import { loadConfig } from '#server/config.ts'
import { type AppContext, createContext } from '#server/context.ts'
import type { AccountRow, Role, UserRow } from '#server/db/schema.ts'
import { createAccount } from '#server/domain/accounts/create-account.ts'
import { startSession } from '#server/domain/auth/sessions.ts'
import { overrideLinkPreviewFetchForTests } from '#server/domain/link-previews/fetch-link-preview.ts'
import { createAccessToken } from '#server/domain/oauth/access-tokens.ts'
import { completeSetup } from '#server/domain/site/setup.ts'
import { type RegistrationMode, updateSiteSettings } from '#server/domain/site/site-settings.ts'

export const PASSWORD = 'correct horse battery staple'
export const ALL_SCOPES = 'read write follow push'

export type TestAccount = {
  account: AccountRow
  user: UserRow
  token: string
  /** Bearer auth headers for the Mastodon API. */
  auth: { authorization: string }
  /** Session cookie + CSRF headers for the Kith web API. */
  web: Record<string, string>
}

/** A PostgreSQL database made for one test app and dropped after it. */
export async function freshPostgres(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kith_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

export async function buildTestContext(t: TestContext, env: Record<string, string> = {}): Promise<AppContext> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-test-'))
  let databaseUrl = ':memory:'
  let drop: (() => Promise<void>) | null = null
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const fresh = await freshPostgres(process.env.DATABASE_URL)
    databaseUrl = fresh.url
    drop = fresh.drop
  }
  const config = loadConfig(
    {},
    { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PUBLIC_URL: 'http://kith.test', LOG_LEVEL: 'silent', ...env },
  )
  const ctx = await createContext(config, { log: pino({ level: process.env.TEST_LOG ?? 'silent' }) })
  // Tests never reach the network: a link preview job drained by a test finds no name resolved.
  overrideLinkPreviewFetchForTests(ctx, {
    resolve: async (host) => {
      throw new Error(`tests do not resolve ${host}`)
    },
  })
  t.after(async () => {
    await ctx.close()
    if (drop) await drop()
    rmSync(dataDir, { recursive: true, force: true })
  })
  return ctx
}

export async function buildTestApp(
  t: TestContext,
  options: { setup?: boolean; registration?: RegistrationMode; env?: Record<string, string> } = {},
) {
  const ctx = await buildTestContext(t, options.env)
  const app = await buildApp(ctx)
  t.after(() => app.close())
  let owner: TestAccount | null = null
  if (options.setup !== false) {
    const created = await completeSetup(ctx, {
      siteName: 'Maple Street',
      description: 'Neighbours sharing news',
      registrationMode: options.registration ?? 'open',
      username: 'owner',
      email: 'owner@example.com',
      password: PASSWORD,
    })
    owner = await withCredentials(ctx, created)
  }

  const given = {
    owner: () => {
      if (!owner) throw new Error('buildTestApp({ setup: false }) has no owner')
      return owner
    },
    async account(
      username: string,
      opts: { role?: Role; confirmed?: boolean; approved?: boolean; scopes?: string } = {},
    ): Promise<TestAccount> {
      const created = await createAccount(ctx, ctx.db, {
        username,
        email: `${username}@example.com`,
        password: PASSWORD,
        role: opts.role,
        confirmed: opts.confirmed ?? true,
        approved: opts.approved ?? true,
      })
      return withCredentials(ctx, created, opts.scopes)
    },
    async settings(changes: Parameters<typeof updateSiteSettings>[2]) {
      await updateSiteSettings(ctx, ctx.db, changes)
    },
  }
  return { app, ctx, given }
}

async function withCredentials(
  ctx: AppContext,
  created: { account: AccountRow; user: UserRow },
  scopes = ALL_SCOPES,
): Promise<TestAccount> {
  const { accessToken } = await createAccessToken(ctx, ctx.db, { userId: created.user.id, appId: null, scopes })
  const { token: sessionToken } = await startSession(ctx, created.user, { ip: '127.0.0.1', userAgent: 'test' })
  const csrf = 'test-csrf-token'
  return {
    ...created,
    token: accessToken,
    auth: { authorization: `Bearer ${accessToken}` },
    web: { cookie: `kith_session=${sessionToken}; kith_csrf=${csrf}`, 'x-csrf-token': csrf },
  }
}

/** CSRF headers for a signed-out browser calling the Kith web API. */
export const anonymousWeb = { cookie: 'kith_csrf=anon-csrf', 'x-csrf-token': 'anon-csrf' }

/** Counts rows in the tables a refused request must not touch. */
export async function countRows(
  ctx: AppContext,
  tables: string[] = ['accounts', 'users', 'sessions', 'oauth_tokens', 'oauth_apps', 'jobs'],
) {
  const out: Record<string, number> = {}
  for (const table of tables) {
    const row = await ctx.db
      .selectFrom(table as 'users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    out[table] = Number(row.n)
  }
  return out
}

/** Runs queued jobs, then returns the mails written to the outbox for one address, oldest first. */
export async function mailsTo(ctx: AppContext, to: string): Promise<{ subject: string; text: string }[]> {
  await ctx.jobs.drain()
  const dir = path.join(ctx.config.dataDir, 'outbox')
  const { readdirSync, readFileSync, existsSync } = await import('node:fs')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')))
    .filter((m) => m.to === to)
}

/** The token in the last link mailed to an address. */
export async function lastMailToken(ctx: AppContext, to: string): Promise<string> {
  const mails = await mailsTo(ctx, to)
  const match = mails.at(-1)?.text.match(/token=([\w-]+)/)
  if (!match) throw new Error(`no mail with a token for ${to}`)
  return match[1]!
}
