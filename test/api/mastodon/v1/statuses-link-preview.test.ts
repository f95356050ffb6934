import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, it, type TestContext } from 'node:test'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import {
  overrideLinkPreviewFetchForTests,
  updateLinkPreviewAfterEdit,
} from '#server/domain/link-previews/fetch-link-preview.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { buildTestApp, type TestAccount } from '../../../helpers.ts'

const ARTICLE = `<!doctype html><html><head>
  <title>Ignored when og:title is present</title>
  <meta property="og:title" content="Tomatoes &amp; you\u0007">
  <meta property="og:description" content="How to grow them on a balcony.">
  <meta property="og:site_name" content="Garden News">
  <meta property="og:image" content="/cover.jpg">
  </head><body><script>alert(1)</script><p>Article</p></body></html>`

/** A local site on 127.0.0.1 (the only kind of server a test may talk to), counting requests per path. */
async function startSite(t: TestContext) {
  const cover = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .toBuffer()
  const hits = new Map<string, number>()
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/'
    hits.set(path, (hits.get(path) ?? 0) + 1)
    if (path === '/article') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE)
    else if (path === '/cover.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(cover)
    else if (path === '/to-metadata') res.writeHead(302, { location: 'http://metadata.example.com/latest/' }).end()
    else if (path === '/data.json') res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => {
    server.closeAllConnections()
    server.close()
  })
  return { port: (server.address() as AddressInfo).port, hits }
}

async function post(app: FastifyInstance, who: TestAccount, text: string): Promise<Status> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/statuses',
    headers: who.auth,
    payload: { status: text },
  })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

async function show(app: FastifyInstance, who: TestAccount, id: string): Promise<Status> {
  return (await app.inject({ url: `/api/v1/statuses/${id}`, headers: who.auth })).json()
}

async function setUp(t: TestContext) {
  const { app, ctx, given } = await buildTestApp(t)
  const site = await startSite(t)
  const names: Record<string, string[]> = {
    'news.example.com': ['127.0.0.1'],
    'intranet.example.com': ['10.0.0.1'],
    'metadata.example.com': ['169.254.169.254'],
    'v6.example.com': ['::ffff:127.0.0.1', 'fd00::1'],
  }
  overrideLinkPreviewFetchForTests(ctx, {
    resolve: async (host) => names[host] ?? Promise.reject(new Error(`ENOTFOUND ${host}`)),
    allowLoopbackForTests: true,
  })
  const ana = await given.account('ana')
  return { app, ctx, ana, site, base: `http://news.example.com:${site.port}` }
}

describe('POST /api/v1/statuses: link previews', () => {
  it('fetches the first link off the request path and shows a preview card once jobs ran', async (t) => {
    const { app, ctx, ana, site, base } = await setUp(t)
    const created = await post(app, ana, `Read ${base}/article and ${base}/other`)
    assert.equal(created.card, null, 'nothing is fetched while the request runs')
    assert.equal(site.hits.size, 0)

    await ctx.jobs.drain()
    const { card } = await show(app, ana, created.id)
    assert.ok(card, 'the card is shown')
    assert.equal(card.url, `${base}/article`)
    assert.equal(card.type, 'link')
    assert.equal(card.title, 'Tomatoes & you')
    assert.equal(card.description, 'How to grow them on a balcony.')
    assert.equal(card.provider_name, 'Garden News')
    assert.deepEqual([card.width, card.height], [640, 336])
    assert.ok(card.blurhash)
    assert.match(card.image!, /^http:\/\/kith\.test\/media\/cards\/\d+\/[0-9a-f]{16}\/image\.webp$/)
    const image = await app.inject({ url: new URL(card.image!).pathname })
    assert.equal(image.statusCode, 200)
    const meta = await sharp(image.rawPayload).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(meta.exif, undefined)
    assert.equal(site.hits.get('/other'), undefined, 'only the first link is fetched')

    // Another post with the same link reuses the card without fetching again.
    const again = await post(app, ana, `Again: ${base}/article`)
    await ctx.jobs.drain()
    assert.equal((await show(app, ana, again.id)).card?.title, 'Tomatoes & you')
    assert.equal(site.hits.get('/article'), 1)
    assert.equal(site.hits.get('/cover.jpg'), 1)

    // The card is in timelines too, and goes away with the post.
    const home = await app.inject({ url: '/api/v1/timelines/home', headers: ana.auth })
    assert.deepEqual(
      home.json().map((s: Status) => s.card?.title ?? null),
      ['Tomatoes & you', 'Tomatoes & you'],
    )
  })

  it('makes no card for internal addresses, redirects inside, or pages that are not HTML', async (t) => {
    const { app, ctx, ana, site, base } = await setUp(t)
    const texts = [
      'http://intranet.example.com/admin',
      'https://metadata.example.com/latest/meta-data/',
      'http://v6.example.com/',
      'http://169.254.169.254/latest/meta-data/',
      `${base}/to-metadata`,
      `${base}/data.json`,
    ]
    const ids = []
    for (const text of texts) ids.push((await post(app, ana, `See ${text}`)).id)
    await ctx.jobs.drain()
    for (const [i, id] of ids.entries()) assert.equal((await show(app, ana, id)).card, null, texts[i])
    const cards = await ctx.db.selectFrom('preview_cards').select(['url', 'status']).execute()
    assert.equal(cards.length, texts.length)
    assert.ok(cards.every((c) => c.status === 'failed'))
    assert.deepEqual(
      [...site.hits.keys()].sort(),
      ['/data.json', '/to-metadata'],
      'only the local test site was reached',
    )
  })

  it('PUT /api/v1/statuses/:id: an edit shows the new link’s card, or none when no link is left', async (t) => {
    const { app, ctx, ana, base } = await setUp(t)
    const created = await post(app, ana, 'Nothing yet')
    const edit = async (status: string) => {
      const res = await app.inject({
        method: 'PUT',
        url: `/api/v1/statuses/${created.id}`,
        headers: ana.auth,
        payload: { status },
      })
      assert.equal(res.statusCode, 200, res.body)
      await ctx.jobs.drain()
      return (await show(app, ana, created.id)).card
    }
    assert.equal((await edit(`Now with ${base}/article`))?.title, 'Tomatoes & you')
    assert.equal(await edit('No link any more'), null)
    // The domain hook itself, as other edit paths would call it.
    await updateLinkPreviewAfterEdit(ctx, created.id, [`${base}/article`])
    await ctx.jobs.drain()
    assert.equal((await show(app, ana, created.id)).card?.title, 'Tomatoes & you')
  })

  it('posts without links enqueue nothing', async (t) => {
    const { app, ctx, ana } = await setUp(t)
    await post(app, ana, 'No links here, just #tomatoes and @ana')
    const jobs = await ctx.db.selectFrom('jobs').select('name').where('name', '=', 'fetchLinkPreview').execute()
    assert.equal(jobs.length, 0)
  })
})
