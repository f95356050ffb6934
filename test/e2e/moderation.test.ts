// Moderation in a real browser against `src/server/main.ts`: a member reports a post for violence
// through the report dialog; a moderator finds it in the queue, removes it and suspends its author,
// whose open page loses its session at once; the reporter is emailed the outcome and the audit
// log shows both actions. Every admin page passes axe (WCAG 2 A/AA, no serious or critical
// violations) in English on a desktop and in Arabic (RTL, dark) on a 390 px phone.
// Runs on a temporary SQLite file, or a fresh PostgreSQL database when DATABASE_URL is set.
import assert from 'node:assert/strict'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { freshPostgres } from '../helpers.ts'
import { ensureWebBuild, freePort, launchChromium } from './harness.ts'

const CHROMIUM = '/usr/bin/chromium'
const ROOT = path.resolve(import.meta.dirname, '../..')
const SHOTS = path.join(ROOT, 'test-results', 'e2e', 'moderation')
const missingBrowser = !existsSync(CHROMIUM)
const inCI = process.env.CI === 'true'

const PASSWORD = 'tuba lantern meadow quartz'
const OWNER = { username: 'olivia', email: 'olivia@example.test', password: 'correct horse battery staple' }
const MODERATOR = { username: 'maya', email: 'maya@example.test', password: PASSWORD }
const REPORTER = { username: 'priya', email: 'priya@example.test', password: PASSWORD }
const AUTHOR = { username: 'omar', email: 'omar@example.test', password: PASSWORD }
const THREAT = 'If that van blocks my drive again I will smash every window in it.'
const ADMIN_PAGES = ['dashboard', 'reports', 'people', 'settings', 'filters', 'invites', 'audit'] as const

let server: ChildProcess | null = null
let serverLog = ''
let base = ''
let dataDir = ''
let env: Record<string, string | undefined> = {}
let dropDatabase: (() => Promise<void>) | null = null
let browser: Browser
const contexts: BrowserContext[] = []
let postUrl = ''

const node = () =>
  existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath

/** The admin command line (docs/cli.md) against the test's database and data folder. */
function kith(...args: string[]) {
  const r = spawnSync(node(), [path.join(ROOT, 'src/server/cli/kith.ts'), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  })
  assert.equal(r.status, 0, `kith ${args.slice(0, 2).join(' ')} failed:\n${r.stdout}\n${r.stderr}`)
}

async function startServer() {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-mod-'))
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const { NODE_TEST_CONTEXT: _, ...inherited } = process.env
  env = { ...inherited, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const fresh = await freshPostgres(process.env.DATABASE_URL)
    env.DATABASE_URL = fresh.url
    dropDatabase = fresh.drop
  } else {
    delete env.DATABASE_URL
  }
  kith(
    'setup',
    '--site-name',
    'Riverside Commons',
    '--owner-username',
    OWNER.username,
    '--owner-email',
    OWNER.email,
    '--owner-password',
    OWNER.password,
    '--registration',
    'open',
  )
  for (const [who, role] of [
    [MODERATOR, 'moderator'],
    [REPORTER, 'user'],
    [AUTHOR, 'user'],
  ] as const) {
    kith('user', 'create', '--username', who.username, '--email', who.email, '--password', who.password, '--role', role)
  }
  server = spawn(node(), [path.join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  server.stdout?.on('data', (d) => (serverLog += d))
  server.stderr?.on('data', (d) => (serverLog += d))
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break
    try {
      if ((await fetch(`${base}/api/kith/v1/site`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`the server did not start:\n${serverLog}`)
}

async function newPage(options: { phone?: boolean; theme?: 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    locale: 'en-US',
  })
  context.setDefaultTimeout(15_000)
  if (options.theme) await context.addInitScript((t) => localStorage.setItem('kith.theme', t), options.theme)
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`))
  return page
}

async function signIn(p: Page, who: { username: string; password: string }) {
  await p.goto(`${base}/auth/sign_in`)
  await p.locator('input[autocomplete="username"]').fill(who.username)
  await p.locator('input[autocomplete="current-password"]').fill(who.password)
  await p.locator('form button[type="submit"]').click()
  await p.waitForURL(`${base}/`)
}

/** Waits for the page to settle, runs axe (WCAG 2 A/AA) and saves a screenshot. */
async function checkPage(p: Page, name: string) {
  try {
    await p.locator('main h1').first().waitFor()
    await p.waitForFunction(() => !document.querySelector('.spinner'))
  } catch (err) {
    await p.screenshot({ path: path.join(SHOTS, `${name}-timeout.png`), fullPage: true }).catch(() => undefined)
    throw new Error(`${name}: the page did not settle at ${p.url()}`, { cause: err })
  }
  const h1s = await p.locator('h1').count()
  assert.equal(h1s, 1, `${name}: one <h1> per page, found ${h1s}`)
  const results = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa']).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `${name}: axe violations`,
  )
  const width = p.viewportSize()?.width ?? 0
  const scrollWidth = await p.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(scrollWidth <= width, `${name}: page is ${scrollWidth}px wide in a ${width}px viewport`)
  await p.evaluate(() => window.scrollTo(0, 0))
  await p.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}

/** The newest message to `to` in the outbox (mail goes out through a job). */
async function mailTo(to: string, subject: RegExp): Promise<{ subject: string; text: string }> {
  const outbox = path.join(dataDir, 'outbox')
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (existsSync(outbox)) {
      const found = readdirSync(outbox)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map(
          (f) =>
            JSON.parse(readFileSync(path.join(outbox, f), 'utf8')) as { to: string; subject: string; text: string },
        )
        .filter((m) => m.to === to && subject.test(m.subject))
        .at(-1)
      if (found) return found
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no mail to ${to} matching ${subject}`)
}

describe('moderation in the browser', {
  skip: missingBrowser && !inCI ? `${CHROMIUM} is not installed` : false,
}, () => {
  let author: Page
  let reporter: Page
  let moderator: Page

  before(async () => {
    assert.ok(!missingBrowser, `CI needs ${CHROMIUM} for the browser tests`)
    mkdirSync(SHOTS, { recursive: true })
    ensureWebBuild()
    await startServer()
    browser = await launchChromium()
  })

  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
    await browser?.close()
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r))
      server.kill('SIGTERM')
      await exited
    }
    await dropDatabase?.()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('lets a member report a post for violence through the report dialog', async () => {
    author = await newPage()
    await signIn(author, AUTHOR)
    const posted = await author.evaluate(async (status) => {
      const csrf = decodeURIComponent(document.cookie.match(/(?:^|; )kith_csrf=([^;]+)/)?.[1] ?? '')
      const res = await fetch('/api/v1/statuses', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ status, visibility: 'public' }),
      })
      return (await res.json()) as { id: string; url: string }
    }, THREAT)
    postUrl = `${base}/@${AUTHOR.username}/${posted.id}`

    reporter = await newPage()
    await signIn(reporter, REPORTER)
    // Members have no way into the admin area: no link, and a friendly 403 if they type it.
    assert.equal(await reporter.getByRole('banner').getByRole('link', { name: 'Admin' }).count(), 0)
    await reporter.goto(`${base}/admin/reports`)
    await reporter.getByRole('heading', { name: 'You can’t open this page' }).waitFor()

    // From the author's profile: "…" → Report, then tick the post as evidence.
    await reporter.goto(`${base}/@${AUTHOR.username}`)
    await reporter.getByText(THREAT).first().waitFor()
    await reporter.getByRole('button', { name: `More options for ${AUTHOR.username}` }).click()
    await reporter.getByRole('menuitem', { name: `Report @${AUTHOR.username}` }).click()
    const dialog = reporter.getByRole('dialog', { name: `Report ${AUTHOR.username}` })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Send report' }).click()
    await dialog.getByText('Choose what’s wrong').waitFor()
    await dialog.getByLabel(/Violence or threats/).check()
    await dialog.getByRole('checkbox', { name: new RegExp(THREAT.slice(0, 20)) }).check()
    await dialog.getByLabel('Anything else moderators should know? (optional)').fill('A threat against the driver.')
    const axe = await new AxeBuilder({ page: reporter })
      .include('dialog[open]')
      .withTags(['wcag2a', 'wcag2aa'])
      .analyze()
    assert.deepEqual(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      [],
      'report dialog: axe violations',
    )
    await reporter.screenshot({ path: path.join(SHOTS, '01-report-dialog.png') })
    await dialog.getByRole('button', { name: 'Send report' }).click()
    await reporter.getByRole('dialog', { name: 'Thanks for telling us' }).waitFor()
    await reporter.getByRole('button', { name: 'Done' }).click()
  })

  it('shows the report in the queue; the moderator removes the post and suspends the author', async () => {
    moderator = await newPage()
    await signIn(moderator, MODERATOR)
    await moderator.getByRole('banner').getByRole('link', { name: 'Admin' }).click()
    await moderator.waitForURL(`${base}/admin/dashboard`)
    await moderator.getByRole('link', { name: 'Reports', exact: true }).click()
    const item = moderator.getByRole('listitem').filter({ hasText: `A post by @${AUTHOR.username}` })
    await item.getByText('Violence or threats').waitFor()
    await item.getByText('Urgent').waitFor()
    await checkPage(moderator, '02-queue')
    await item.getByRole('link', { name: 'Review' }).click()
    await moderator.getByRole('heading', { name: `A post by @${AUTHOR.username}`, level: 1 }).waitFor()
    await moderator.getByText(THREAT).waitFor()
    await checkPage(moderator, '03-report')

    await moderator.getByLabel(/Remove the content/).check()
    await moderator.getByLabel('Reason').fill('Threatening to damage someone’s van is not allowed here.')
    await moderator.getByRole('button', { name: 'Remove content' }).click()
    await moderator.getByText('Content removed. The author and the reporters will be told.').waitFor()
    // The evidence outlives the post.
    await moderator.getByText('No longer online').waitFor()
    await moderator.getByText(THREAT).waitFor()

    await moderator.getByRole('button', { name: 'Suspend', exact: true }).click()
    const dialog = moderator.getByRole('dialog', { name: `Suspend ${AUTHOR.username}` })
    await dialog.getByLabel('Reason').fill('Threats of violence.')
    await dialog.getByRole('button', { name: 'Suspend account' }).click()
    await moderator.getByText('Account suspended; they were signed out everywhere.').waitFor()
    await moderator.getByText('Suspended', { exact: true }).first().waitFor()
    await moderator.evaluate(() => window.scrollTo(0, 0))
    await moderator.screenshot({ path: path.join(SHOTS, '04-after-decision.png'), fullPage: true })
  })

  it('ends the author’s session at once', async () => {
    const status = await author.evaluate(async () => (await fetch('/api/v1/accounts/verify_credentials')).status)
    assert.equal(status, 401)
    await author.reload()
    await author.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor()
    assert.equal(await author.getByRole('banner').getByRole('button', { name: 'Sign out' }).count(), 0)
    // The removed post is gone for everyone.
    const gone = await reporter.evaluate(
      async (url) => (await fetch(url)).status,
      `/api/v1/statuses/${postUrl.split('/').at(-1)}`,
    )
    assert.equal(gone, 404)
  })

  it('tells the reporter the outcome', async () => {
    const mail = await mailTo(REPORTER.email, /outcome of your report/)
    assert.match(mail.text, /removed the content/)
    const notice = await mailTo(AUTHOR.email, /moderation decision/)
    assert.match(notice.text, /suspended/)
  })

  it('records both actions in the audit log', async () => {
    await moderator.getByRole('link', { name: 'Audit log' }).click()
    const rows = moderator.locator('tbody tr.audit-row')
    await rows.filter({ hasText: 'Removed a post' }).first().waitFor()
    const suspended = rows.filter({ hasText: 'Suspended an account' })
    await suspended.first().waitFor()
    assert.match((await suspended.first().textContent()) ?? '', new RegExp(`@${MODERATOR.username}`))
    assert.match((await suspended.first().textContent()) ?? '', new RegExp(`@${AUTHOR.username}`))
    await suspended.first().getByRole('button', { name: 'Changes' }).click()
    await moderator.locator('.audit-diff').first().waitFor()
    await checkPage(moderator, '05-audit')
  })

  it('passes axe on every admin page, in English at 1280 px and in Arabic at 390 px', async () => {
    const owner = await newPage()
    await signIn(owner, OWNER)
    for (const section of ADMIN_PAGES) {
      await owner.goto(`${base}/admin/${section}`)
      await checkPage(owner, `10-${section}-en-1280`)
    }
    const phone = await newPage({ phone: true, theme: 'dark' })
    await signIn(phone, OWNER)
    // The account's language wins once signed in (context/locale.tsx), so switch the account.
    await phone.evaluate(async () => {
      const csrf = decodeURIComponent(document.cookie.match(/(?:^|; )kith_csrf=([^;]+)/)?.[1] ?? '')
      await fetch('/api/kith/v1/settings/profile', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ locale: 'ar' }),
      })
    })
    for (const section of ADMIN_PAGES) {
      await phone.goto(`${base}/admin/${section}`)
      await phone.waitForFunction(() => document.documentElement.dir === 'rtl')
      await checkPage(phone, `20-${section}-ar-390`)
    }
  })
})
