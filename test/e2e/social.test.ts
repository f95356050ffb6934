// Profiles and the social graph in a real browser against `src/server/main.ts`: Ana sends Ben a
// friend request from his profile and Ben confirms it on /friends; Cai follows Ben; Ben blocks Cai,
// after which Cai gets the not-found page for Ben's profile. Every step checks what the buttons and
// counts say, without reloading. Ana edits her profile and crops a new picture. The profile and
// Friends pages pass axe (WCAG 2 A/AA, no serious or critical violations) in English and Arabic,
// at 1280 and 390 px. Runs on a temporary SQLite file, or a fresh PostgreSQL database when
// DATABASE_URL is set.
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { freshPostgres } from '../helpers.ts'
import { ensureWebBuild, freePort, launchChromium } from './harness.ts'

const CHROMIUM = '/usr/bin/chromium'
const ROOT = path.resolve(import.meta.dirname, '../..')
const SHOTS = path.join(ROOT, 'test-results', 'e2e')
const missingBrowser = !existsSync(CHROMIUM)
const inCI = process.env.CI === 'true'
const PASSWORD = 'correct horse battery staple'
const node = existsSync(path.join(ROOT, 'node_modules/.bin/node'))
  ? path.join(ROOT, 'node_modules/.bin/node')
  : process.execPath

let server: ChildProcess | null = null
let serverLog = ''
let base = ''
let dataDir = ''
let env: Record<string, string | undefined> = {}
let dropDatabase: (() => Promise<void>) | null = null
let browser: Browser
type Person = { context: BrowserContext; page: Page; id: string }
const people = {} as Record<'ana' | 'ben' | 'cai', Person>

/** Runs the admin command line (docs/cli.md) against the test's database. */
function kith(...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [path.join(ROOT, 'src/server/cli/kith.ts'), ...args], { cwd: ROOT, env })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kith ${args.join(' ')}:\n${out}`))))
  })
}

async function startServer() {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-social-'))
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
  // People come from the command line, which is much faster than the sign-up pages.
  await kith(
    'setup',
    '--site-name',
    'Riverside Commons',
    '--registration',
    'open',
    '--owner-username',
    'ana',
    '--owner-email',
    'ana@example.test',
    '--owner-password',
    PASSWORD,
  )
  await Promise.all(
    ['ben', 'cai'].map((u) =>
      kith('user', 'create', '--username', u, '--email', `${u}@example.test`, '--password', PASSWORD),
    ),
  )
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

/** A browser context signed in as `login` through the web API (the same cookies the sign-in page sets). */
async function signedIn(login: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  page.on('pageerror', (e) => assert.fail(`page error (${login}): ${e.message}`))
  await page.request.get(`${base}/api/kith/v1/site`)
  const res = await api(page, 'POST', '/api/kith/v1/auth/sign_in', { login, password: PASSWORD })
  return { context, page, id: (res as { user: { id: string } }).user.id }
}

async function api(page: Page, method: string, url: string, data?: unknown): Promise<unknown> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'kith_csrf')?.value ?? ''
  const res = await page.request.fetch(`${base}${url}`, { method, data, headers: { 'x-csrf-token': csrf } })
  const text = await res.text()
  if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()} ${text}`)
  return text ? JSON.parse(text) : null
}

/** The page has settled: its heading is there and nothing is loading. */
async function settled(p: Page) {
  await p.locator('main h1').first().waitFor({ state: 'attached' })
  await p.waitForFunction(() => !document.querySelector('.spinner, .skeleton, .btn-placeholder'))
}

/** Runs axe (WCAG 2 A/AA), checks the width fits, and saves a screenshot. */
async function checkPage(p: Page, name: string) {
  await settled(p)
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
  await p.screenshot({ path: path.join(SHOTS, `social-${name}.png`) })
}

const header = (p: Page) => p.locator('header.profile-hero')
const countLink = (p: Page, text: string) => header(p).getByRole('link', { name: text, exact: true })

describe('friends, follows and blocks in the browser', {
  skip: missingBrowser && !inCI ? `${CHROMIUM} is not installed` : false,
}, () => {
  before(async () => {
    assert.ok(!missingBrowser, `CI needs ${CHROMIUM} for the browser tests`)
    mkdirSync(SHOTS, { recursive: true })
    ensureWebBuild()
    await startServer()
    browser = await launchChromium()
    const [ana, ben, cai] = await Promise.all([signedIn('ana'), signedIn('ben'), signedIn('cai')])
    Object.assign(people, { ana, ben, cai })
    await Promise.all([
      api(ana.page, 'PATCH', '/api/v1/accounts/update_credentials', {
        display_name: 'Ana Okafor',
        note: 'Gardener and baker on Mill Lane. Ask me about sourdough!',
        location: 'Riverside',
        fields_attributes: [{ name: 'Hobbies', value: 'Birdwatching' }],
      }),
      api(ben.page, 'PATCH', '/api/v1/accounts/update_credentials', {
        display_name: 'Ben Haddad',
        note: 'I run the Saturday repair café at the library.',
      }),
      api(cai.page, 'PATCH', '/api/v1/accounts/update_credentials', { display_name: 'Cai Lin' }),
    ])
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

  it('Ana sends Ben a friend request from his profile', async () => {
    const { page } = people.ana
    await page.goto(`${base}/@ben`)
    await page.getByRole('heading', { level: 1, name: 'Ben Haddad' }).waitFor()
    await countLink(page, '0 friends').waitFor()
    await header(page).getByRole('button', { name: 'Follow', exact: true }).waitFor()
    await header(page).getByRole('button', { name: 'Add friend' }).click()
    // The button follows the server's answer: the request is pending, and it can be cancelled.
    const sent = header(page).getByRole('button', { name: 'Request sent' })
    await sent.waitFor()
    await page.getByText('Friend request sent to Ben Haddad').waitFor()
    await sent.click()
    await page.getByRole('menuitem', { name: 'Cancel request' }).waitFor()
    await page.keyboard.press('Escape')
    await checkPage(page, '01-request-sent-en-1280')
  })

  it('Ben sees the request in the top bar and confirms it on /friends', async () => {
    const { page } = people.ben
    await page.goto(`${base}/friends`)
    await page.getByRole('link', { name: /^Friends 1 friend request$/ }).waitFor()
    const row = page.locator('.person-card', { hasText: 'Ana Okafor' })
    await row.getByRole('button', { name: 'Confirm' }).waitFor()
    await checkPage(page, '02-friends-requests-en-1280')
    await row.getByRole('button', { name: 'Confirm' }).click()
    await row.getByText('You’re now friends').waitFor()
    await row.getByRole('button', { name: 'Friends' }).waitFor()
    // No reload: the badge is gone and the friend is in "All friends".
    await page.getByRole('link', { name: 'Friends', exact: true }).waitFor()
    await page.getByRole('link', { name: 'All friends' }).click()
    await page
      .locator('.person-card', { hasText: 'Ana Okafor' })
      .getByText(/^Friends since/)
      .waitFor()
  })

  it('Ana sees that they are friends, with the counts to match', async () => {
    const { page } = people.ana
    await page.goto(`${base}/@ben`)
    await header(page).getByRole('button', { name: 'Friends' }).waitFor()
    await countLink(page, '1 friend').waitFor()
    await countLink(page, '1 follower').waitFor()
    await header(page).getByRole('button', { name: 'Friends' }).click()
    for (const item of ['Unfollow', 'Mute…', 'Unfriend', 'Block…']) {
      await page.getByRole('menuitem', { name: item }).waitFor()
    }
    await page.keyboard.press('Escape')
    await header(page).getByRole('link', { name: 'Friends', exact: true }).click()
    await page.locator('.person-card', { hasText: 'Ana Okafor' }).waitFor()
  })

  it('Cai follows Ben, and the follower count moves at once', async () => {
    const { page } = people.cai
    await page.goto(`${base}/@ben`)
    await countLink(page, '1 follower').waitFor()
    await header(page).getByRole('button', { name: 'Follow', exact: true }).click()
    await header(page).getByRole('button', { name: 'Following' }).waitFor()
    await countLink(page, '2 followers').waitFor()
    await header(page).getByRole('button', { name: 'Add friend' }).waitFor()
  })

  it('Ben blocks Cai; Cai then finds no profile at all', async () => {
    const { page } = people.ben
    await page.goto(`${base}/@cai`)
    await header(page).getByRole('heading', { name: 'Cai Lin' }).waitFor()
    await header(page).getByRole('button', { name: 'More options for Cai Lin' }).click()
    await page.getByRole('menuitem', { name: 'Block…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Block Cai Lin?' })
    await dialog.getByText('Your friendship, follows and any pending requests').waitFor()
    await dialog.getByRole('button', { name: 'Block', exact: true }).click()
    await header(page).getByText('Blocked', { exact: true }).waitFor()
    await header(page).getByRole('button', { name: 'Unblock' }).waitFor()
    await page.getByRole('heading', { name: 'You blocked Cai Lin' }).waitFor()

    // The block ended Cai's follow: Ben is back to one follower.
    await page.goto(`${base}/@ben`)
    await countLink(page, '1 follower').waitFor()
    await header(page).getByRole('link', { name: 'Edit profile' }).waitFor()
    await page.goto(`${base}/settings/blocked`)
    await page.locator('.person-card', { hasText: 'Cai Lin' }).getByRole('button', { name: 'Unblock' }).waitFor()

    const cai = people.cai.page
    await cai.goto(`${base}/@ben`)
    await cai.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    assert.equal(await cai.locator('header.profile-hero').count(), 0)
  })

  it('Ana mutes Ben for a day, sees it in settings, and unmutes him', async () => {
    const { page } = people.ana
    await page.goto(`${base}/@ben`)
    await header(page).getByRole('button', { name: 'Friends' }).click()
    await page.getByRole('menuitem', { name: 'Mute…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Mute Ben Haddad' })
    await dialog.getByLabel('1 day').check()
    await dialog.getByLabel('Also mute notifications from them').uncheck()
    await dialog.getByRole('button', { name: 'Mute', exact: true }).click()
    await header(page).getByText('Muted', { exact: true }).waitFor()
    await page.goto(`${base}/settings/muted`)
    const row = page.locator('.person-card', { hasText: 'Ben Haddad' })
    await row.getByText(/^Muted until/).waitFor()
    await row.getByText('Notifications still on').waitFor()
    await row.getByRole('button', { name: 'Unmute' }).click()
    await row.getByText('Unmuted').waitFor()
  })

  it('Ana edits her profile and crops a new profile picture', async () => {
    const { page } = people.ana
    const picture = path.join(dataDir, 'garden.png')
    writeFileSync(
      picture,
      await sharp({ create: { width: 900, height: 600, channels: 3, background: '#6a994e' } })
        .composite([
          {
            input: await sharp({ create: { width: 300, height: 300, channels: 3, background: '#e9c46a' } })
              .png()
              .toBuffer(),
            left: 500,
            top: 100,
          },
        ])
        .png()
        .toBuffer(),
    )
    await page.goto(`${base}/@ana/edit`)
    await page.getByRole('heading', { level: 1, name: 'Edit profile' }).waitFor()
    await page.getByLabel('Location').fill('Mill Lane, Riverside')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByText('Profile saved').waitFor()

    await page.locator('#pictures input[type="file"]').last().setInputFiles(picture)
    const dialog = page.getByRole('dialog', { name: 'Position your profile picture' })
    const frame = dialog.getByRole('group', { name: 'Picture preview' })
    await frame.locator('img').waitFor()
    await frame.focus()
    await page.keyboard.press('ArrowLeft')
    await dialog.getByLabel('Zoom', { exact: true }).fill('1.5')
    await dialog.evaluate((d) => Promise.all(d.getAnimations().map((a) => a.finished)))
    await page.screenshot({ path: path.join(SHOTS, 'social-06-crop-en-1280.png') })
    await dialog.getByRole('button', { name: 'Save picture' }).click()
    await page.getByText('Profile picture updated').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    const src = await page.locator('.picture-avatar img').getAttribute('src')
    assert.ok(src && !src.endsWith('/avatars/original/missing.png'), `the new avatar is shown (${src})`)

    await page.goto(`${base}/@ana`)
    await page.getByText('Lives in Mill Lane, Riverside').waitFor()
    assert.equal(await header(page).locator('img.profile-avatar').getAttribute('src'), src)
  })

  it('passes axe in English and Arabic, on a desktop and a 390 px phone', async () => {
    const { page } = people.ben
    const pages = {
      profile: '/@ana',
      'profile-friends': '/@ana/friends',
      'friends-all': '/friends/all',
    }
    for (const [locale, width, names] of [
      ['en', 390, ['profile', 'friends-all']],
      ['ar', 1280, ['profile', 'profile-friends']],
      ['ar', 390, ['profile', 'friends-all']],
    ] as const) {
      await api(page, 'PATCH', '/api/kith/v1/settings/profile', { locale })
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
      for (const name of names) {
        const url = pages[name]
        await page.goto(`${base}${url}`)
        await page.waitForFunction((l) => document.documentElement.lang === l, locale)
        await checkPage(page, `07-${name}-${locale}-${width}`)
      }
    }
  })
})
