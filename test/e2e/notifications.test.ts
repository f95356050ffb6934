// Notifications and live updates in a real browser against `src/server/main.ts`, with two people in
// two browser contexts: Ben comments on Ana's post and Ana's open post page shows the comment while
// her bell and tab title count it, without a reload; opening the menu shows it and marks it read in
// both of her tabs. Ben sends a friend request, which reaches Ana live and which she accepts from
// /notifications. Ana changes her notification settings. /notifications and
// /settings/notifications pass axe (WCAG 2 A/AA, nothing serious or critical) in English and Arabic,
// at 1280 and 390 px, with screenshots. Runs on a temporary SQLite file, or a fresh PostgreSQL
// database when DATABASE_URL is set (and Redis for pub/sub when REDIS_URL is).
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { freshPostgres } from '../helpers.ts'
import { CHROMIUM_PATH, ensureWebBuild, freePort, launchChromium, ROOT } from './harness.ts'

const SHOTS = process.env.KITH_SHOTS ?? path.join(ROOT, 'test-results', 'e2e')
const missingBrowser = !existsSync(CHROMIUM_PATH)
const inCI = process.env.CI === 'true'
const PASSWORD = 'correct horse battery staple'
const SITE = 'Riverside Commons'
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
const people = {} as Record<'ana' | 'ben', Person>
let postUrl = ''

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
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-notifications-'))
  const port = await freePort()
  // The page must be on PUBLIC_URL's origin: the stream only takes the session cookie from there.
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
  await kith(
    'setup',
    '--site-name',
    SITE,
    '--registration',
    'open',
    '--owner-username',
    'ana',
    '--owner-email',
    'ana@example.test',
    '--owner-password',
    PASSWORD,
  )
  await kith('user', 'create', '--username', 'ben', '--email', 'ben@example.test', '--password', PASSWORD)
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

async function signedIn(login: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  watchErrors(page, login)
  await page.request.get(`${base}/api/kith/v1/site`)
  const res = await api(page, 'POST', '/api/kith/v1/auth/sign_in', { login, password: PASSWORD })
  return { context, page, id: (res as { user: { id: string } }).user.id }
}

function watchErrors(page: Page, who: string) {
  page.on('pageerror', (e) => assert.fail(`page error (${who}): ${e.message}`))
}

async function api(page: Page, method: string, url: string, data?: unknown): Promise<unknown> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'kith_csrf')?.value ?? ''
  const res = await page.request.fetch(`${base}${url}`, { method, data, headers: { 'x-csrf-token': csrf } })
  const text = await res.text()
  if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()} ${text}`)
  return text ? JSON.parse(text) : null
}

/** The tab's stream is subscribed (lib/streaming.ts marks it on <html>). */
const streamLive = (p: Page) => p.waitForFunction(() => document.documentElement.dataset.stream === 'live')
const bell = (p: Page) => p.locator('header.topbar button.notif-bell')

/** Ana has `n` unread notifications on the server (they are made by a background job). */
async function waitForUnread(n: number) {
  const unread = async () =>
    ((await api(people.ana.page, 'GET', '/api/v1/notifications/unread_count?kith=true')) as { count: number }).count
  const deadline = Date.now() + 15_000
  while ((await unread()) < n) {
    assert.ok(Date.now() < deadline, `Ana has ${n} unread notifications`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function settled(p: Page) {
  await p.locator('main h1').first().waitFor({ state: 'attached' })
  await p.waitForFunction(() => !document.querySelector('.spinner, .skeleton, .btn-placeholder'))
}

async function checkAxe(p: Page, name: string) {
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
}

async function shot(p: Page, name: string) {
  await p.screenshot({ path: path.join(SHOTS, `notifications-${name}.png`) })
}

describe('notifications and live updates in the browser', {
  skip: missingBrowser && !inCI ? `${CHROMIUM_PATH} is not installed` : false,
}, () => {
  before(async () => {
    assert.ok(!missingBrowser, `CI needs ${CHROMIUM_PATH} for the browser tests`)
    mkdirSync(SHOTS, { recursive: true })
    ensureWebBuild()
    await startServer()
    browser = await launchChromium()
    const [ana, ben] = await Promise.all([signedIn('ana'), signedIn('ben')])
    Object.assign(people, { ana, ben })
    await Promise.all([
      api(ana.page, 'PATCH', '/api/v1/accounts/update_credentials', { display_name: 'Ana Okafor' }),
      api(ben.page, 'PATCH', '/api/v1/accounts/update_credentials', { display_name: 'Ben Haddad' }),
    ])
    const post = (await api(ana.page, 'POST', '/api/v1/statuses', {
      status: 'The community garden has its first tomatoes of the year!',
      visibility: 'public',
    })) as { url: string }
    postUrl = new URL(post.url).pathname
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

  it('Ben comments on Ana’s post: her open post page, bell and tab title update live', async () => {
    const ana = people.ana.page
    const ana2 = await people.ana.context.newPage()
    watchErrors(ana2, 'ana, second tab')
    await Promise.all([ana.goto(`${base}${postUrl}`), ana2.goto(`${base}/`)])
    await Promise.all([streamLive(ana), streamLive(ana2)])
    await bell(ana)
      .and(ana.getByRole('button', { name: 'Notifications', exact: true }))
      .waitFor()

    const ben = people.ben.page
    await ben.goto(`${base}${postUrl}`)
    await ben.getByLabel('Write a comment').fill('They look delicious. Save me one!')
    await ben.getByLabel('Write a comment').press('Enter')
    await ben.locator('.comment', { hasText: 'They look delicious' }).first().waitFor()

    // No reload on Ana's side: the comment, the count on the bell (both tabs), the title.
    await ana.locator('.comments', { hasText: 'They look delicious. Save me one!' }).waitFor()
    await ana.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor()
    await ana2.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor()
    await ana.waitForFunction(() => document.title.startsWith('(1) '))
    assert.match(await ana2.title(), new RegExp(`^\\(1\\) ${SITE}$`))

    await bell(ana).click()
    const menu = ana.getByRole('menu', { name: 'Notifications' })
    const entry = menu.getByRole('menuitem', { name: /Ben Haddad commented on your post/ })
    await entry.waitFor()
    // Focus moves into the menu, to the newest entry.
    await ana.waitForFunction(() => document.activeElement?.textContent?.includes('commented on your post'))
    // Read in this tab means read in the other one too.
    await ana.getByRole('button', { name: 'Notifications', exact: true }).waitFor()
    await ana2.getByRole('button', { name: 'Notifications', exact: true }).waitFor()
    await ana.waitForFunction(() => !document.title.startsWith('('))
    await ana.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    assert.equal(await ana.evaluate(() => document.activeElement?.classList.contains('notif-bell')), true)
    await ana2.close()
  })

  it('Ben sends a friend request: Ana sees it live and accepts it from her notifications', async () => {
    const ana = people.ana.page
    await ana.goto(`${base}/`)
    await streamLive(ana)
    await bell(ana)
      .and(ana.getByRole('button', { name: 'Notifications', exact: true }))
      .waitFor()

    await api(people.ben.page, 'POST', `/api/kith/v1/accounts/${people.ana.id}/friend_request`, {})
    await ana.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor()
    await ana.waitForFunction(() => document.title === '(1) Riverside Commons')

    await bell(ana).click()
    const menu = ana.getByRole('menu', { name: 'Notifications' })
    await menu.getByRole('menuitem', { name: /Ben Haddad sent you a friend request/ }).waitFor()
    await menu.getByRole('menuitem', { name: /Ben Haddad commented on your post/ }).waitFor()
    await shot(ana, 'menu-en-1280')
    await menu.getByRole('menuitem', { name: 'See all notifications' }).click()

    await ana.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor()
    const row = ana.locator('.notif-row', { hasText: 'sent you a friend request' })
    await row.getByRole('button', { name: 'Accept' }).click()
    await row.getByText('You and Ben Haddad are now friends').waitFor()
    const [rel] = (await api(ana, 'GET', `/api/v1/accounts/relationships?id[]=${people.ben.id}`)) as {
      friends: boolean
    }[]
    assert.equal(rel.friends, true)

    // Ben hears back, live, on the page he has open.
    const ben = people.ben.page
    await ben.goto(`${base}/notifications`)
    await streamLive(ben)
    await ben.locator('.notif-row', { hasText: 'Ana Okafor accepted your friend request' }).waitFor()
  })

  it('after the stream drops, what happened meanwhile is fetched when it is back', async () => {
    // Ana's other tab would read the notification as it arrives (it shows /notifications): close it.
    await people.ana.page.goto('about:blank')
    const page = await people.ana.context.newPage()
    watchErrors(page, 'ana, flaky network')
    // Between the page and the server: while `up` is false, every new socket is closed at once.
    let up = true
    const open: { close: () => Promise<void> }[] = []
    await page.routeWebSocket(/\/api\/v1\/streaming/, (ws) => {
      if (!up) {
        void ws.close({ code: 1001 })
        return
      }
      ws.connectToServer()
      open.push(ws)
    })
    await page.goto(`${base}/`)
    await streamLive(page)
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor()

    up = false
    await Promise.all(open.splice(0).map((ws) => ws.close()))
    await page.waitForFunction(() => document.documentElement.dataset.stream !== 'live')
    const postId = postUrl.split('/').pop()
    await api(people.ben.page, 'POST', '/api/v1/statuses', { status: 'And the beans?', in_reply_to_id: postId })
    // The notification exists on the server before the stream may come back.
    await waitForUnread(1)
    up = true
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 30_000 })
    await page.close()
  })

  it('filters, dismisses and clears on /notifications', async () => {
    const ana = people.ana.page
    await ana.goto(`${base}/notifications`)
    await settled(ana)
    await ana.getByRole('link', { name: 'Comments' }).click()
    await ana.locator('.notif-row', { hasText: 'They look delicious' }).waitFor()
    await ana.locator('.notif-row', { hasText: 'friend request' }).waitFor({ state: 'detached' })
    await ana.getByRole('link', { name: 'All', exact: true }).click()
    const request = ana.locator('.notif-row', { hasText: 'sent you a friend request' })
    await request.waitFor()
    await request.getByRole('button', { name: /^Remove notification:/ }).click()
    await request.waitFor({ state: 'detached' })
    await ana.getByText('Notification removed').waitFor()
    await ana.reload()
    await settled(ana)
    assert.equal(await ana.locator('.notif-row', { hasText: 'sent you a friend request' }).count(), 0)
    await ana.locator('.notif-row', { hasText: 'They look delicious' }).waitFor()

    await ana.getByRole('button', { name: 'Clear all' }).click()
    await ana.getByText('Remove all your notifications?').waitFor()
    await ana.getByRole('button', { name: 'Remove all' }).click()
    await ana.getByText('You’re all caught up').waitFor()
    await ana.reload()
    await ana.getByText('You’re all caught up').waitFor()
  })

  it('saves notification settings as they change', async () => {
    const ana = people.ana.page
    await ana.goto(`${base}/settings`)
    await ana.getByRole('link', { name: 'Notifications' }).and(ana.locator('.settings-tab')).click()
    await ana.getByRole('heading', { level: 2, name: 'Notifications' }).waitFor()
    await settled(ana)
    const comments = ana.getByRole('group', { name: 'Comments on your posts' })
    await comments.getByLabel('Email too').check()
    await ana.getByText('Notification settings saved').waitFor()
    await ana.getByLabel('Email me a daily summary').check()
    await ana.waitForFunction(async () => {
      const res = await fetch('/api/kith/v1/notification_preferences')
      const prefs = await res.json()
      return prefs.types['kith:comment'] === 'email' && prefs.email_digest === 'daily'
    })
    await ana.reload()
    await settled(ana)
    assert.equal(await comments.getByLabel('Email too').isChecked(), true)
  })

  it('passes axe in English and Arabic, on a desktop and a 390 px phone', async () => {
    const ana = people.ana.page
    // Something to show: Ben comments and reacts, and Ana has unread notifications again.
    const postId = postUrl.split('/').pop()
    await ana.goto('about:blank')
    await api(people.ben.page, 'POST', '/api/v1/statuses', { status: 'Tomato salad tonight?', in_reply_to_id: postId })
    await api(people.ben.page, 'POST', `/api/v1/statuses/${postId}/favourite`, {})
    await waitForUnread(2)
    for (const [locale, width] of [
      ['en', 1280],
      ['en', 390],
      ['ar', 1280],
      ['ar', 390],
    ] as const) {
      await api(ana, 'PATCH', '/api/kith/v1/settings/profile', { locale })
      await ana.setViewportSize({ width, height: width === 390 ? 844 : 800 })
      const tag = `${locale}-${width}`
      for (const [name, url] of [
        ['page', '/notifications'],
        ['settings', '/settings/notifications'],
      ] as const) {
        await ana.goto(`${base}${url}`)
        await ana.waitForFunction((l) => document.documentElement.lang === l, locale)
        assert.equal(await ana.evaluate(() => document.documentElement.dir), locale === 'ar' ? 'rtl' : 'ltr')
        await settled(ana)
        assert.equal(await ana.locator('h1').count(), 1, `${name}-${tag}: one <h1>`)
        await checkAxe(ana, `${name}-${tag}`)
        await shot(ana, `${name}-${tag}`)
      }
      await bell(ana).click()
      await ana.locator('.notif-menu-list [role="menuitem"]').first().waitFor()
      await settled(ana)
      await checkAxe(ana, `menu-${tag}`)
      await shot(ana, `menu-${tag}`)
      // The dark theme follows the system's: the menu over the page, for a look.
      await ana.emulateMedia({ colorScheme: 'dark' })
      await ana.waitForFunction(() => document.documentElement.dataset.theme === 'dark')
      await checkAxe(ana, `menu-${tag}-dark`)
      await shot(ana, `menu-${tag}-dark`)
      await ana.emulateMedia({ colorScheme: 'light' })
      await ana.keyboard.press('Escape')
    }
  })
})
