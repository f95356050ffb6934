// The admin command line, run as operators run it: a child process on a temporary data folder
// (SQLite there, or a fresh PostgreSQL database when DATABASE_URL is set). Steps build on each other.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import pino from 'pino'
import { loadConfig } from '#server/config.ts'
import { type AppContext, createContext } from '#server/context.ts'
import { createAccount } from '#server/domain/accounts/create-account.ts'
import { verifyPassword } from '#server/domain/auth/passwords.ts'
import { startSession } from '#server/domain/auth/sessions.ts'
import { findUsableInvite } from '#server/domain/invites/invites.ts'
import { createAccessToken } from '#server/domain/oauth/access-tokens.ts'
import { getSiteSettings } from '#server/domain/site/site-settings.ts'
import { freshPostgres, PASSWORD } from '../helpers.ts'

const CLI = path.resolve(import.meta.dirname, '../../src/server/cli/kith.ts')
const PUBLIC_URL = 'https://kith.test'

type Result = { code: number | null; stdout: string; stderr: string }

let env: Record<string, string> = {}
let dataDir = ''
let drop: (() => Promise<void>) | null = null
let ctx: AppContext

/** Runs `kith …` with the test's environment; process.execPath is Node 26 from node_modules. */
function kith(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Result> {
  const { NODE_TEST_CONTEXT: _, ...inherited } = process.env
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...inherited, ...env, ...options.env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  child.stdin.end(options.stdin ?? '')
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function expectExit(r: Result, code: number, label: string): void {
  assert.equal(r.code, code, `${label}: exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`)
  if (code !== 0) assert.doesNotMatch(r.stderr, /\n\s+at /, `${label}: no stack trace`)
}

const userRow = (username: string) =>
  ctx.db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .selectAll('users')
    .where('accounts.username', '=', username)
    .executeTakeFirstOrThrow()

describe('kith command line', () => {
  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-cli-'))
    let databaseUrl = `file:${path.join(dataDir, 'kith.sqlite')}`
    if (process.env.DATABASE_URL?.startsWith('postgres')) {
      const fresh = await freshPostgres(process.env.DATABASE_URL)
      databaseUrl = fresh.url
      drop = fresh.drop
    }
    env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PUBLIC_URL, LOG_LEVEL: 'silent' }
  })

  after(async () => {
    await ctx?.close()
    if (drop) await drop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('prints help, and exits 2 on bad usage before touching the database', async () => {
    const [overview, helpCmd, cmdHelp, group, bare, unknown, unknownSub, missing, badMode, badFlag, badNumber, extra] =
      await Promise.all([
        kith(['help']),
        kith(['help', 'user', 'reset-password']),
        kith(['setup', '--help']),
        kith(['user']),
        kith([]),
        kith(['frobnicate']),
        kith(['user', 'delete', '--username', 'x']),
        kith(['user', 'create', '--username', 'alice']),
        kith([
          'setup',
          '--site-name',
          'X',
          '--owner-username',
          'o',
          '--owner-email',
          'o@example.com',
          '--owner-password',
          PASSWORD,
          '--registration',
          'sometimes',
        ]),
        kith(['invite', 'create', '--colour', 'red']),
        kith(['invite', 'create', '--max-uses', '0']),
        kith(['user', 'approve', 'alice']),
      ])
    expectExit(overview, 0, 'help')
    for (const name of [
      'migrate',
      'setup',
      'user create',
      'user role',
      'user reset-password',
      'user confirm-email',
      'user approve',
      'invite create',
    ]) {
      assert.match(overview.stdout, new RegExp(`^  ${name} `, 'm'), name)
    }
    expectExit(helpCmd, 0, 'help user reset-password')
    assert.match(helpCmd.stdout, /Usage: npm run kith -- user reset-password --username NAME \[options\]/)
    expectExit(cmdHelp, 0, 'setup --help')
    assert.match(cmdHelp.stdout, /--registration MODE\s+\(required\) Who may sign up: open, approval, invite, closed/)
    expectExit(group, 2, 'user')
    assert.match(group.stderr, /user reset-password/)
    expectExit(bare, 2, 'no command')
    expectExit(unknown, 2, 'unknown command')
    assert.match(unknown.stderr, /Unknown command: frobnicate/)
    expectExit(unknownSub, 2, 'unknown subcommand')
    expectExit(missing, 2, 'missing flags')
    assert.match(missing.stderr, /Missing required flags: --email, --password/)
    expectExit(badMode, 2, 'bad registration mode')
    assert.match(badMode.stderr, /--registration must be one of open, approval, invite, closed/)
    expectExit(badFlag, 2, 'unknown flag')
    assert.match(badFlag.stderr, /Unknown option '--colour'/)
    expectExit(badNumber, 2, 'bad number')
    assert.match(badNumber.stderr, /--max-uses must be a whole number/)
    expectExit(extra, 2, 'positional')
    assert.ok(!existsSync(path.join(dataDir, 'kith.sqlite')), 'no database was created')

    const badConfig = await kith(['migrate'], { env: { DATABASE_URL: 'mysql://localhost/kith' } })
    expectExit(badConfig, 2, 'bad DATABASE_URL')
    assert.match(badConfig.stderr, /Configuration error: DATABASE_URL/)
  })

  it('migrate applies the migrations, then finds nothing pending', async () => {
    const first = await kith(['migrate'])
    expectExit(first, 0, 'migrate')
    assert.match(first.stdout, /Applied \d+ migrations?:\n {2}2026-11-29T1600-foundation/)
    const second = await kith(['migrate'])
    expectExit(second, 0, 'migrate again')
    assert.match(second.stdout, /up to date/)
    ctx = await createContext(loadConfig({}, env), { log: pino({ level: 'silent' }), migrate: false })
  })

  it('setup names the site and creates its owner, once', async () => {
    const setup = [
      'setup',
      '--site-name',
      'Elm Park',
      '--owner-username',
      'admin',
      '--owner-email',
      'ana@example.com',
      '--owner-password',
      PASSWORD,
      '--registration',
      'approval',
      '--description',
      'Our street',
    ]
    const r = await kith(setup)
    expectExit(r, 0, 'setup')
    assert.match(r.stdout, /Site "Elm Park" is set up/)
    const settings = await getSiteSettings(ctx)
    assert.equal(settings.name, 'Elm Park')
    assert.equal(settings.description, 'Our street')
    assert.equal(settings.registration_mode, 'approval')
    const owner = await userRow('admin')
    assert.equal(owner.role, 'owner')
    assert.ok(owner.confirmed_at)
    const again = await kith(setup.map((a) => (a === 'admin' ? 'other' : a)))
    expectExit(again, 1, 'second setup')
    assert.match(again.stderr, /already set up/)
  })

  it('user create makes confirmed accounts, reads a password from stdin, and prints why it refuses', async () => {
    const [made, fromStdin, refused] = await Promise.all([
      kith(['user', 'create', '--username', 'alice', '--email', 'alice@example.com', '--password', PASSWORD]),
      kith(
        [
          'user',
          'create',
          '--username',
          'mod',
          '--email',
          'mod@example.com',
          '--password',
          '-',
          '--role',
          'moderator',
          '--unconfirmed',
        ],
        { stdin: 'another long passphrase here\n' },
      ),
      kith(['user', 'create', '--username', 'Admin', '--email', 'ANA@example.com', '--password', 'password1']),
    ])
    expectExit(made, 0, 'create alice')
    assert.match(made.stdout, /Created @alice <alice@example.com> with role user; email confirmed/)
    expectExit(fromStdin, 0, 'create mod')
    expectExit(refused, 1, 'create taken')
    assert.match(refused.stderr, /username: Username is taken/)
    assert.match(refused.stderr, /email: Email is already in use/)
    assert.match(refused.stderr, /password: Password must be at least 10 characters/)

    const alice = await userRow('alice')
    assert.deepEqual([alice.role, alice.approved, Boolean(alice.confirmed_at)], ['user', 1, true])
    const mod = await userRow('mod')
    assert.deepEqual([mod.role, mod.confirmed_at], ['moderator', null])
    assert.ok(await verifyPassword(mod.password_hash, 'another long passphrase here'))
  })

  it('user role promotes and demotes, but keeps the last owner', async () => {
    const promote = await kith(['user', 'role', '--username', 'alice', '--role', 'admin'])
    expectExit(promote, 0, 'promote')
    assert.match(promote.stdout, /@alice is now admin \(was user\)/)
    assert.equal((await userRow('alice')).role, 'admin')
    const [lastOwner, nobody, asOwner] = await Promise.all([
      kith(['user', 'role', '--username', 'admin', '--role', 'user']),
      kith(['user', 'role', '--username', 'nobody', '--role', 'user']),
      kith(['user', 'role', '--username', 'alice', '--role', 'owner']),
    ])
    expectExit(lastOwner, 1, 'demote last owner')
    assert.match(lastOwner.stderr, /only owner/)
    assert.equal((await userRow('admin')).role, 'owner')
    expectExit(nobody, 1, 'unknown user')
    assert.match(nobody.stderr, /No user named @nobody/)
    expectExit(asOwner, 2, 'owner is not assignable')
  })

  it('user reset-password generates a password and ends every session and token', async () => {
    const alice = await userRow('alice')
    await startSession(ctx, alice, { ip: null, userAgent: 'test' })
    await createAccessToken(ctx, ctx.db, { userId: alice.id, appId: null, scopes: 'read' })
    const live = async () => ({
      sessions: (
        await ctx.db
          .selectFrom('sessions')
          .select('id')
          .where('user_id', '=', alice.id)
          .where('revoked_at', 'is', null)
          .execute()
      ).length,
      tokens: (
        await ctx.db
          .selectFrom('oauth_tokens')
          .select('id')
          .where('user_id', '=', alice.id)
          .where('revoked_at', 'is', null)
          .execute()
      ).length,
    })
    assert.deepEqual(await live(), { sessions: 1, tokens: 1 })

    const weak = await kith(['user', 'reset-password', '--username', 'alice', '--password', 'alice2024'])
    expectExit(weak, 1, 'weak password')
    assert.match(weak.stderr, /password: Password/)
    assert.deepEqual(await live(), { sessions: 1, tokens: 1 })

    const r = await kith(['user', 'reset-password', '--username', 'alice'])
    expectExit(r, 0, 'reset')
    const printed = r.stdout.match(/^ {2}(\S+)$/m)?.[1]
    assert.ok(printed, r.stdout)
    const updated = await userRow('alice')
    assert.ok(await verifyPassword(updated.password_hash, printed))
    assert.ok(!(await verifyPassword(updated.password_hash, PASSWORD)))
    assert.deepEqual(await live(), { sessions: 0, tokens: 0 })
  })

  it('user confirm-email and user approve let a pending sign-up in', async () => {
    await createAccount(ctx, ctx.db, {
      username: 'erin',
      email: 'erin@example.com',
      password: PASSWORD,
      confirmed: false,
      approved: false,
    })
    const confirm = await kith(['user', 'confirm-email', '--username', 'erin'])
    expectExit(confirm, 0, 'confirm')
    assert.match(confirm.stdout, /Confirmed <erin@example.com> for @erin/)
    assert.match(confirm.stdout, /still awaits approval/)
    const approve = await kith(['user', 'approve', '--username', 'erin'])
    expectExit(approve, 0, 'approve')
    assert.match(approve.stdout, /Approved @erin/)
    const erin = await userRow('erin')
    assert.equal(erin.approved, 1)
    assert.ok(erin.confirmed_at)
  })

  it('invite create prints a sign-up link that works until it runs out', async () => {
    const r = await kith(['invite', 'create', '--max-uses', '3', '--expires-in-days', '7'])
    expectExit(r, 0, 'invite')
    const code = r.stdout.match(new RegExp(`^${PUBLIC_URL}/auth/sign_up\\?invite=(\\w+)$`, 'm'))?.[1]
    assert.ok(code, r.stdout)
    assert.match(r.stdout, /up to 3 uses, expires/)
    const invite = await findUsableInvite(ctx.db, code, new Date())
    assert.equal(invite?.max_uses, 3)
    assert.equal(invite?.user_id, null)
    const days = (Date.parse(invite!.expires_at!) - Date.now()) / 86_400_000
    assert.ok(days > 6.9 && days <= 7, String(days))
  })
})
