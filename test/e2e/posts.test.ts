// Posts in a real browser against `src/server/main.ts`: the author writes a friends-only post with
// two photos; a friend sees it, comments and reacts; a stranger finds it nowhere (home, public
// timeline, profile, direct link); the author edits it and the friend sees the edit. The feed and
// the post page pass axe (WCAG 2 A/AA, no serious or critical violations) in English and Arabic,
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

let server: ChildProcess | null = null
let serverLog = ''
let base = ''
let dataDir = ''
let env: Record<string, string | undefined> = {}
let dropDatabase: (() => Promise<void>) | null = null
let browser: Browser
const people: Record<'author' | 'friend' | 'stranger', { context: BrowserContext; page: Page; id: string }> =
  {} as never
let postId = ''
let postPath = ''
const photos: string[] = []

const node = existsSync(path.join(ROOT, 'node_modules/.bin/node'))
  ? path.join(ROOT, 'node_modules/.bin/node')
  : process.execPath

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
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-posts-'))
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
  // People are made with the command line, which is much faster than the sign-up pages; the server
  // starts while the last two are created.
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
  const users = Promise.all(
    ['ben', 'sam'].map((u) =>
      kith('user', 'create', '--username', u, '--email', `${u}@example.test`, '--password', PASSWORD),
    ),
  )
  users.catch(() => {}) // awaited below, once the server is up
  server = spawn(node, [path.join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  server.stdout?.on('data', (d) => (serverLog += d))
  server.stderr?.on('data', (d) => (serverLog += d))
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break
    try {
      if ((await fetch(`${base}/api/kith/v1/site`)).ok) return await users
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`the server did not start:\n${serverLog}`)
}

/** A browser context signed in as `login` through the web API (the same cookies the sign-in page sets). */
async function signedIn(login: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, locale: 'en-US' })
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

/** The feed or post page has settled: no skeletons, no spinners. */
async function settled(p: Page) {
  await p.locator('main h1').first().waitFor({ state: 'attached' })
  await p.waitForFunction(() => !document.querySelector('.spinner, .skeleton'))
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
  await p.screenshot({ path: path.join(SHOTS, `posts-${name}.png`) })
}

const postCard = (p: Page) => p.locator(`article.post[data-post-id="${postId}"]`)

describe('posts in the browser', { skip: missingBrowser && !inCI ? `${CHROMIUM} is not installed` : false }, () => {
  before(async () => {
    assert.ok(!missingBrowser, `CI needs ${CHROMIUM} for the browser tests`)
    mkdirSync(SHOTS, { recursive: true })
    ensureWebBuild()
    await startServer()
    browser = await launchChromium()
    const [author, friend, stranger] = await Promise.all([signedIn('ana'), signedIn('ben'), signedIn('sam')])
    Object.assign(people, { author, friend, stranger })
    // Ana and Ben become friends through Kith's friends API (docs/api-kith-friends.md).
    await api(friend.page, 'POST', `/api/kith/v1/accounts/${author.id}/friend_request`, {})
    await api(author.page, 'POST', `/api/kith/v1/friend_requests/${friend.id}/accept`, {})
    for (const [i, color] of ['#6a994e', '#e9c46a'].entries()) {
      const file = path.join(dataDir, `garden-${i + 1}.png`)
      writeFileSync(
        file,
        await sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
          .png()
          .toBuffer(),
      )
      photos.push(file)
    }
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

  it('posts two photos to friends only, and the post appears at the top without a reload', async () => {
    const { page } = people.author
    await page.goto(`${base}/`)
    await page.getByRole('heading', { name: 'Your feed is empty' }).waitFor()

    await page
      .getByLabel('What you want to say')
      .fill('First tomatoes of the summer from the community garden! #gardening')
    await page.locator('.composer input[type="file"]').setInputFiles(photos)
    await page.getByLabel('Alt text for photo 1').fill('A bed of tomato plants')
    await page.getByLabel('Alt text for photo 2').fill('A basket of ripe tomatoes')
    await page.getByRole('button', { name: /^Audience: Public/ }).click()
    const audience = page.getByRole('dialog', { name: 'Who can see your post?' })
    await audience.getByLabel(/Friends only/).check()
    await audience.getByRole('button', { name: 'Done' }).click()
    await page.getByRole('button', { name: /^Audience: Friends only/ }).waitFor()
    const post = page.getByRole('button', { name: 'Post', exact: true })
    await post.click()

    const card = page.locator('article.post').first()
    await card.getByText('First tomatoes of the summer').waitFor()
    postId = (await card.getAttribute('data-post-id')) ?? ''
    postPath = (await card.locator('.post-time').getAttribute('href')) ?? ''
    assert.match(postId, /^\d+$/)
    assert.equal(postPath, `/@ana/${postId}`)
    assert.equal(await card.locator('.media-tile img').count(), 2)
    assert.equal(await card.getByRole('img', { name: 'A basket of ripe tomatoes' }).count(), 1)
    assert.equal(await card.locator('.post-audience').getAttribute('title'), 'Friends only')
    // The composer is empty again and nothing was posted twice.
    assert.equal(await page.getByLabel('What you want to say').inputValue(), '')
    assert.equal(await page.locator('article.post').count(), 1)
    const status = (await api(page, 'GET', `/api/v1/statuses/${postId}`)) as { kith: { visibility: string } }
    assert.equal(status.kith.visibility, 'friends')
    await checkPage(page, '01-feed-author')
  })

  it('shows the post to a friend, who comments and reacts', async () => {
    const { page } = people.friend
    // A fake clock (running in real time) lets the 30-second check for new posts happen at once.
    await page.clock.install()
    await page.goto(`${base}/`)
    const card = postCard(page)
    await card.getByText('First tomatoes of the summer').waitFor()

    await card.getByRole('button', { name: 'Comment', exact: true }).click()
    const box = card.getByLabel('Write a comment')
    await box.fill('They look delicious. Save me a seedling?')
    await box.press('Enter')
    await card.locator('.comment').getByText('They look delicious').waitFor()
    await card.getByRole('button', { name: '1 comment' }).waitFor()

    // Hovering Like opens the six reactions.
    await card.locator('.post-actions').getByRole('button', { name: 'Like', exact: true }).hover()
    await card.getByRole('menuitemradio', { name: 'Love' }).click()
    await card.getByRole('button', { name: 'Love', pressed: true }).waitFor()
    await card.getByRole('button', { name: /1 reaction/ }).waitFor()

    // Both are saved: after a reload, the comment and the reaction are still there.
    await page.reload()
    await postCard(page).locator('.comment').getByText('They look delicious').waitFor()
    await postCard(page).getByRole('button', { name: 'Love', pressed: true }).waitFor()

    // Who reacted lists the friend with their reaction.
    await postCard(page)
      .getByRole('button', { name: /1 reaction/ })
      .click()
    const who = page.getByRole('dialog', { name: 'Reactions' })
    await who.getByRole('link', { name: 'ben' }).waitFor()
    await who.getByRole('button', { name: 'Close' }).click()

    // A newer post waits behind the "New posts" pill until the reader asks for it.
    await api(people.author.page, 'POST', '/api/v1/statuses', {
      status: 'Watering rota is on the shed door.',
      visibility: 'friends',
    })
    await page.clock.fastForward('00:31')
    await page.getByRole('button', { name: '1 new post' }).click()
    await page.locator('article.post').first().getByText('Watering rota is on the shed door.').waitFor()
  })

  it('hides the post from a stranger everywhere', async () => {
    const { page } = people.stranger
    await page.goto(`${base}/`)
    await page.getByRole('heading', { name: 'Your feed is empty' }).waitFor()
    assert.equal(await page.getByText('First tomatoes of the summer').count(), 0)

    const ids = (list: unknown) => (list as { id: string }[]).map((s) => s.id)
    assert.ok(!ids(await api(page, 'GET', '/api/v1/timelines/public')).includes(postId), 'public timeline')
    assert.ok(!ids(await api(page, 'GET', `/api/v1/accounts/${people.author.id}/statuses`)).includes(postId), 'profile')
    assert.ok(!ids(await api(page, 'GET', '/api/v1/timelines/tag/gardening')).includes(postId), 'hashtag')

    await page.goto(`${base}/tags/gardening`)
    await page.getByRole('heading', { name: 'No posts with #gardening yet' }).waitFor()

    await page.goto(`${base}${postPath}`)
    await page.getByRole('heading', { name: 'This post isn’t available' }).waitFor()
    assert.equal(await page.getByText('First tomatoes of the summer').count(), 0)
  })

  it('lets the author edit the post, and the friend sees the edit', async () => {
    const { page } = people.author
    await page.goto(`${base}${postPath}`)
    const card = postCard(page)
    await card.locator('.comment').getByText('They look delicious').waitFor()
    await card.getByRole('button', { name: 'More options for this post' }).click()
    await page.getByRole('menuitem', { name: 'Edit post' }).click()
    const text = card.getByLabel('Post text')
    await text.fill('First tomatoes of the summer, and the basil is up too! #gardening')
    await card.getByRole('button', { name: 'Save' }).click()
    await card.getByText('and the basil is up too').waitFor()
    await card.getByRole('button', { name: 'Edited' }).waitFor()
    await checkPage(page, '03-post-page-author')

    const friend = people.friend.page
    await friend.goto(`${base}${postPath}`)
    await postCard(friend).getByText('and the basil is up too').waitFor()
    await postCard(friend).getByRole('button', { name: 'Edited' }).waitFor()
  })

  it('passes axe in Arabic and on a 390 px phone, on the feed and the post page', async () => {
    const { page, context } = people.friend
    for (const [locale, width] of [
      ['ar', 1280],
      ['ar', 390],
      ['en', 390],
    ] as const) {
      await api(page, 'PATCH', '/api/kith/v1/settings/profile', { locale })
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 })
      for (const [url, name] of [
        ['/', 'feed'],
        [postPath, 'post'],
      ]) {
        await page.goto(`${base}${url}`)
        await postCard(page).waitFor()
        await page.waitForFunction((l) => document.documentElement.lang === l, locale)
        assert.equal(await page.evaluate(() => document.documentElement.dir), locale === 'ar' ? 'rtl' : 'ltr')
        await checkPage(page, `04-${name}-${locale}-${width}`)
      }
    }
    await context.close()
  })
})
