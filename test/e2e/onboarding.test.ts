// A person's first hour on Kith, in a real browser against `src/server/main.ts`: the setup
// wizard, a second person signing up and confirming by the mailed link, two-factor on, then
// signing in again with a TOTP code. Every page passes axe (WCAG 2 A/AA, no serious or
// critical violations), in English on a desktop and in Arabic (RTL, dark) on a 390 px phone.
// Runs on a temporary SQLite file, or a fresh PostgreSQL database when DATABASE_URL is set.
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import * as OTPAuth from 'otpauth'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { freshPostgres } from '../helpers.ts'
import { ensureWebBuild, freePort, launchChromium } from './harness.ts'

const CHROMIUM = '/usr/bin/chromium'
const ROOT = path.resolve(import.meta.dirname, '../..')
const SHOTS = path.join(ROOT, 'test-results', 'e2e')
const missingBrowser = !existsSync(CHROMIUM)
const inCI = process.env.CI === 'true'

const OWNER = { username: 'olivia', email: 'olivia@example.test', password: 'correct horse battery staple' }
const MEMBER = { username: 'bob', email: 'bob@example.test', password: 'tuba lantern meadow quartz' }

let server: ChildProcess | null = null
let serverLog = ''
let base = ''
let dataDir = ''
let dropDatabase: (() => Promise<void>) | null = null
let browser: Browser
let desktop: BrowserContext
let page: Page
let totpSecret = ''
let app: { client_id: string; client_secret: string }
const OOB = 'urn:ietf:wg:oauth:2.0:oob'

async function startServer() {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-'))
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const { NODE_TEST_CONTEXT: _, ...inherited } = process.env
  const env: Record<string, string | undefined> = {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  }
  if (process.env.DATABASE_URL?.startsWith('postgres')) {
    const fresh = await freshPostgres(process.env.DATABASE_URL)
    env.DATABASE_URL = fresh.url
    dropDatabase = fresh.drop
  } else {
    delete env.DATABASE_URL
  }
  const node = existsSync(path.join(ROOT, 'node_modules/.bin/node'))
    ? path.join(ROOT, 'node_modules/.bin/node')
    : process.execPath
  server = spawn(node, [path.join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
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

/** Waits for the page to settle, runs axe (WCAG 2 A/AA) and saves a screenshot. */
async function checkPage(p: Page, name: string) {
  await p.locator('main h1').first().waitFor()
  // Lists load after the page: wait until no spinner is left.
  await p.waitForFunction(() => !document.querySelector('.spinner'))
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

/** The newest link with a token mailed to `to`, rewritten to this server; mail goes out through a job. */
async function mailedLink(to: string, pathPrefix: string): Promise<string> {
  const outbox = path.join(dataDir, 'outbox')
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (existsSync(outbox)) {
      const mails = readdirSync(outbox)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => JSON.parse(readFileSync(path.join(outbox, f), 'utf8')) as { to: string; text: string })
        .filter((m) => m.to === to)
      const found = mails.at(-1)?.text.match(new RegExp(`https?://[^\\s]+(${pathPrefix}\\?token=[\\w.~%-]+)`))
      if (found) return `${base}${found[1]}`
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no mail to ${to} with a ${pathPrefix} link`)
}

function totpCode(secret: string, offsetSeconds = 0): string {
  const totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) })
  return totp.generate({ timestamp: Date.now() + offsetSeconds * 1000 })
}

async function signIn(p: Page, who: { username: string; password: string }) {
  await p.goto(`${base}/auth/sign_in`)
  await p.locator('input[autocomplete="username"]').fill(who.username)
  await p.locator('input[autocomplete="current-password"]').fill(who.password)
  await p.locator('form button[type="submit"]').click()
}

describe('onboarding in the browser', {
  skip: missingBrowser && !inCI ? `${CHROMIUM} is not installed` : false,
}, () => {
  before(async () => {
    assert.ok(!missingBrowser, `CI needs ${CHROMIUM} for the browser tests`)
    mkdirSync(SHOTS, { recursive: true })
    ensureWebBuild()
    await startServer()
    browser = await launchChromium()
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
    desktop.setDefaultTimeout(10_000)
    page = await desktop.newPage()
    page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`))
  })

  after(async () => {
    await browser?.close()
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r))
      server.kill('SIGTERM')
      await exited
    }
    await dropDatabase?.()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('sends every page to the setup wizard, which creates the site and signs the owner in', async () => {
    await page.goto(`${base}/auth/sign_in`)
    await page.waitForURL(`${base}/setup`)
    await checkPage(page, '01-setup-site')
    await page.getByLabel('Site name').fill('Riverside Commons')
    await page.getByLabel('Short description').fill('Events, news and friends from the neighbourhood.')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByLabel('Open', { exact: true }).check()
    await checkPage(page, '02-setup-registration')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByLabel('Username').fill(OWNER.username)
    await page.getByLabel('Email address').fill(OWNER.email)
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password)
    await page.getByLabel('Confirm password').fill(OWNER.password)
    await checkPage(page, '03-setup-owner')
    await page.getByRole('button', { name: 'Create site' }).click()
    await page.waitForURL(`${base}/`)
    await page.getByRole('heading', { name: 'Your feed is empty' }).waitFor()
    assert.equal(await page.title(), 'Riverside Commons')
    await checkPage(page, '04-home-owner')

    await page.goto(`${base}/setup`)
    await page.waitForURL(`${base}/`)
  })

  it('signs the owner out to the landing page', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Welcome to Riverside Commons' }).waitFor()
    await checkPage(page, '05-landing')
  })

  it('signs a second person up and confirms them through the mailed link', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click()
    await page.waitForURL(`${base}/auth/sign_up`)
    await checkPage(page, '06-sign-up')
    await page.getByLabel('Username').fill(MEMBER.username)
    await page.getByLabel('Email address').fill(MEMBER.email)
    await page.getByLabel('Password', { exact: true }).fill(MEMBER.password)
    await page.getByLabel(/I agree/).check()
    await page.getByRole('button', { name: 'Sign up' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    await checkPage(page, '07-check-email')

    // Not confirmed yet: signing in says so and offers to resend.
    await signIn(page, MEMBER)
    await page.getByRole('button', { name: 'Resend confirmation email' }).waitFor()

    await page.goto(await mailedLink(MEMBER.email, '/auth/confirm'))
    await page.getByRole('heading', { name: 'Your email is confirmed' }).waitFor()
    await checkPage(page, '08-confirmed')
  })

  it('signs the new member in and turns on two-factor authentication', async () => {
    await page.getByRole('link', { name: 'Sign in' }).first().click()
    await page.waitForURL(/\/auth\/sign_in/)
    await checkPage(page, '09-sign-in')
    await signIn(page, MEMBER)
    await page.waitForURL(`${base}/`)
    await page.getByRole('heading', { name: 'Your feed is empty' }).waitFor()

    await page.goto(`${base}/settings/two_factor`)
    await page.getByRole('button', { name: 'Set up two-factor' }).click()
    await page.getByRole('img', { name: /QR code/ }).waitFor()
    await page.getByText('Can’t scan? Enter the key by hand').click()
    totpSecret = (await page.locator('[data-secret]').getAttribute('data-secret')) ?? ''
    assert.match(totpSecret, /^[A-Z2-7]+=*$/)
    await checkPage(page, '10-two-factor-setup')
    await page.getByLabel('Authentication code').fill(totpCode(totpSecret))
    await page.getByRole('button', { name: 'Turn on two-factor' }).click()
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor()
    assert.equal(await page.locator('.recovery-codes li').count(), 10)
    await checkPage(page, '11-recovery-codes')
    await page.getByLabel('I have saved my recovery codes').check()
    await page.getByRole('button', { name: 'Done' }).click()
    await page.getByText('On', { exact: true }).waitFor()
  })

  it('signs out, opens an app’s consent link, and signs back in with a TOTP code', async () => {
    const res = await fetch(`${base}/api/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: 'Tusky',
        redirect_uris: OOB,
        scopes: 'read write follow',
        website: 'https://tusky.app',
      }),
    })
    assert.equal(res.status, 200)
    app = await res.json()

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Welcome to Riverside Commons' }).waitFor()
    const consent = `/oauth/authorize?${new URLSearchParams({ client_id: app.client_id, redirect_uri: OOB, response_type: 'code', scope: 'read write:statuses follow' })}`
    await page.goto(`${base}${consent}`)
    await page.waitForURL((url) => url.pathname === '/auth/sign_in' && url.searchParams.get('return_to') === consent)
    await page.locator('input[autocomplete="username"]').fill(MEMBER.username)
    await page.locator('input[autocomplete="current-password"]').fill(MEMBER.password)
    await page.locator('form button[type="submit"]').click()
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor()
    const input = page.getByLabel('Authentication code')
    assert.equal(await input.getAttribute('autocomplete'), 'one-time-code')
    await checkPage(page, '12-two-factor-step')
    // The code that enabled two-factor spent the current time step; the next one is accepted.
    await input.fill(totpCode(totpSecret, 30))
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.getByRole('heading', { name: 'Allow Tusky to use your account?' }).waitFor()
    assert.equal(`${new URL(page.url()).pathname}${new URL(page.url()).search}`, consent)
  })

  it('authorizes the app, shows the out-of-band code, and revokes the app in settings', async () => {
    await page.getByText('Publish and delete posts').waitFor()
    await checkPage(page, '13-oauth-consent')
    await page.getByRole('button', { name: 'Authorize' }).click()
    await page.getByRole('heading', { name: 'Your authorization code' }).waitFor()
    await checkPage(page, '14-oauth-code')
    const code = await page.locator('.code-box code').textContent()
    const token = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'authorization_code',
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: OOB,
      }),
    })
    assert.equal(token.status, 200)

    await page.goto(`${base}/settings/apps`)
    await page.getByText('Tusky', { exact: true }).waitFor()
    await checkPage(page, '15-authorized-apps')
    await page.getByRole('button', { name: 'Revoke', exact: true }).click()
    await page.getByRole('button', { name: 'Revoke access' }).click()
    await page.getByText('No apps have access to your account.').waitFor()
  })

  it('passes the same checks in Arabic (RTL), dark, on a 390 px phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', locale: 'ar' })
    await phone.addInitScript(() => {
      if (!localStorage.getItem('kith.locale')) localStorage.setItem('kith.locale', 'ar')
    })
    phone.setDefaultTimeout(10_000)
    const p = await phone.newPage()
    p.on('pageerror', (e) => assert.fail(`page error: ${e.message}`))
    try {
      for (const [url, name] of [
        ['/', 'landing'],
        ['/auth/sign_in', 'sign-in'],
        ['/auth/sign_up', 'sign-up'],
        ['/auth/password/forgot', 'forgot-password'],
        ['/no-such-page', 'not-found'],
      ]) {
        await p.goto(`${base}${url}`)
        await p.locator('main h1').first().waitFor()
        assert.equal(await p.evaluate(() => document.documentElement.dir), 'rtl')
        assert.equal(await p.evaluate(() => document.documentElement.lang), 'ar')
        await checkPage(p, `20-ar-phone-${name}`)
      }

      await p.getByRole('button', { name: 'فتح القائمة' }).click()
      await checkPage(p, '21-ar-phone-menu')

      // Signed in, the account's language wins (the owner set up the site in English);
      // choosing Arabic in settings switches the page and saves it on the account.
      await signIn(p, OWNER)
      await p.waitForURL(`${base}/`)
      await p.waitForFunction(() => document.documentElement.lang === 'en')
      await p.goto(`${base}/settings/profile`)
      await Promise.all([
        p.waitForResponse((r) => r.url().endsWith('/settings/profile') && r.request().method() === 'PATCH'),
        p.locator('.settings-content select').first().selectOption('ar'),
      ])
      await p.waitForFunction(() => document.documentElement.dir === 'rtl')
      for (const [url, name] of [
        ['/', 'home'],
        ['/settings/profile', 'settings-profile'],
        ['/settings/account', 'settings-account'],
        ['/settings/two_factor', 'settings-two-factor'],
        ['/settings/sessions', 'settings-sessions'],
        ['/settings/apps', 'settings-apps'],
      ]) {
        await p.goto(`${base}${url}`)
        await p.locator('main h1').first().waitFor()
        assert.equal(await p.evaluate(() => document.documentElement.dir), 'rtl')
        await checkPage(p, `22-ar-phone-${name}`)
      }
      const session = await (await p.request.get(`${base}/api/kith/v1/session`)).json()
      assert.equal(session.user.locale, 'ar')
    } finally {
      await phone.close()
    }
  })
})
