import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { crc32 } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import type { AppContext } from '#server/context.ts'
import type { MediaAttachment, Status } from '#shared/mastodon-statuses.ts'
import { buildTestApp, countRows, type TestAccount } from '../../helpers.ts'

type Part = string | { data: Buffer; type?: string; filename?: string }

/** A multipart/form-data body, encoded the way a browser's FormData is. */
async function multipart(parts: [string, Part][]) {
  const form = new FormData()
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value)
    else
      form.append(
        name,
        new Blob([new Uint8Array(value.data)], { type: value.type ?? 'image/jpeg' }),
        value.filename ?? 'photo.jpg',
      )
  }
  const req = new Request('http://kith.test/', { method: 'POST', body: form })
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! }
}

async function upload(app: FastifyInstance, who: TestAccount, parts: [string, Part][], url = '/api/v2/media') {
  const body = await multipart(parts)
  return app.inject({
    method: 'POST',
    url,
    headers: { ...who.auth, 'content-type': body.contentType },
    payload: body.payload,
  })
}

async function jpegWithGps(width = 3000, height = 1000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .toBuffer()
}

const png = (width = 400, height = 300) =>
  sharp({ create: { width, height, channels: 3, background: '#fa0' } })
    .png()
    .toBuffer()

/** A PNG whose header claims another size, as a decompression bomb does. */
function withPngSize(data: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(data)
  out.writeUInt32BE(width, 16)
  out.writeUInt32BE(height, 20)
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29)
  return out
}

/** Every file under DATA_DIR/media. */
function storedFiles(ctx: AppContext): string[] {
  const root = path.join(ctx.config.dataDir, 'media')
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

const pathOf = (url: string) => new URL(url).pathname

describe('POST /api/v2/media', () => {
  it('stores a photo as WebP variants without EXIF or GPS, with its alt text and focus', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const original = await jpegWithGps()
    assert.ok((await sharp(original).metadata()).exif, 'the fixture carries EXIF')
    const res = await upload(app, ana, [
      ['file', { data: original }],
      ['description', '  A green field at dusk  '],
      ['focus', '0.5,-0.25'],
      ['unknown_field', 'ignored'],
    ])
    assert.equal(res.statusCode, 200, res.body)
    const media: MediaAttachment = res.json()
    assert.equal(media.type, 'image')
    assert.equal(media.description, 'A green field at dusk')
    assert.deepEqual(media.meta.focus, { x: 0.5, y: -0.25 })
    assert.deepEqual(media.meta.original, { width: 2048, height: 683, size: '2048x683', aspect: 2048 / 683 })
    assert.equal(media.meta.small?.width, 640)
    assert.ok(media.blurhash)
    assert.match(media.url, new RegExp(`^http://kith\\.test/media/media/${media.id}/[0-9a-f]{16}/original\\.webp$`))
    assert.match(media.preview_url!, /\/small\.webp$/)

    for (const url of [media.url, media.preview_url!]) {
      const served = await app.inject({ url: pathOf(url) })
      assert.equal(served.statusCode, 200)
      assert.equal(served.headers['content-type'], 'image/webp')
      const meta = await sharp(served.rawPayload).metadata()
      assert.equal(meta.format, 'webp')
      assert.equal(meta.exif, undefined)
      assert.ok(!served.rawPayload.includes('PhoneCo'))
    }
    assert.equal(storedFiles(ctx).length, 2)
  })

  it('refuses what is not a safe image with 422, storing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const good = await png()
    const bad: [string, [string, Part][]][] = [
      ['text', [['file', { data: Buffer.from('hello, not an image'), type: 'image/png' }]]],
      [
        'svg',
        [
          [
            'file',
            {
              data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
              type: 'image/svg+xml',
              filename: 'x.svg',
            },
          ],
        ],
      ],
      ['truncated', [['file', { data: good.subarray(0, Math.floor(good.length / 2)), type: 'image/png' }]]],
      ['bomb', [['file', { data: withPngSize(good, 20000, 20000), type: 'image/png' }]]],
      ['no file', [['description', 'nothing attached']]],
      ['empty file', [['file', { data: Buffer.alloc(0) }]]],
      [
        'long alt text',
        [
          ['file', { data: good }],
          ['description', 'x'.repeat(1501)],
        ],
      ],
      [
        'bad focus',
        [
          ['file', { data: good }],
          ['focus', '2,0'],
        ],
      ],
      [
        'two files',
        [
          ['file', { data: good }],
          ['file', { data: good }],
        ],
      ],
    ]
    for (const [label, parts] of bad) {
      const res = await upload(app, ana, parts)
      assert.equal(res.statusCode, 422, `${label}: ${res.body}`)
    }
    const json = await app.inject({ method: 'POST', url: '/api/v2/media', headers: ana.auth, payload: {} })
    assert.equal(json.statusCode, 422)
    assert.equal((await countRows(ctx, ['media_attachments'])).media_attachments, 0)
    assert.deepEqual(storedFiles(ctx), [])
  })

  it('answers 413 for a file over 8 MiB and keeps no part of it', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const jpeg = await jpegWithGps(200, 200)
    const big = Buffer.concat([jpeg, Buffer.alloc(8 * 1024 * 1024 + 1 - jpeg.length, 0)])
    const res = await upload(app, ana, [['file', { data: big }]])
    assert.equal(res.statusCode, 413, res.body)
    assert.equal((await countRows(ctx, ['media_attachments'])).media_attachments, 0)
    assert.deepEqual(storedFiles(ctx), [])
  })

  it('has the legacy alias /api/v1/media, reads past a thumbnail file, and takes the web session', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const res = await upload(
      app,
      ana,
      [
        ['thumbnail', { data: Buffer.from('not read') }],
        ['file', { data: await png() }],
      ],
      '/api/v1/media',
    )
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().meta.original.width, 400)

    // The web client uploads with its session cookie, which needs the CSRF header.
    const body = await multipart([['file', { data: await png() }]])
    const viaCookie = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v2/media',
        headers: { ...headers, 'content-type': body.contentType },
        payload: body.payload,
      })
    assert.equal((await viaCookie(ana.web)).statusCode, 200)
    const { 'x-csrf-token': _, ...withoutCsrf } = ana.web
    assert.equal((await viaCookie(withoutCsrf)).statusCode, 403)
  })

  it('needs a signed-in person with write:media, and limits uploads per address', async (t) => {
    const { app, given } = await buildTestApp(t)
    const reader = await given.account('reader', { scopes: 'read' })
    const writer = await given.account('writer', { scopes: 'write:media' })
    const body = await multipart([['file', { data: await png() }]])
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v2/media',
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    })
    assert.equal(anonymous.statusCode, 401)
    assert.equal((await upload(app, reader, [['file', { data: await png() }]])).statusCode, 403)
    assert.equal((await upload(app, writer, [['file', { data: await png() }]])).statusCode, 200)
    // 30 per 30 minutes; the first three requests above count too.
    const statuses: number[] = []
    for (let i = 0; i < 27; i++) statuses.push((await upload(app, writer, [['description', 'no file']])).statusCode)
    assert.deepEqual([...new Set(statuses)], [422])
    assert.equal((await upload(app, writer, [['description', 'no file']])).statusCode, 429)
  })
})

describe('GET /api/v1/media/:id', () => {
  it('shows one’s own upload and hides everyone else’s', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const media: MediaAttachment = (await upload(app, ana, [['file', { data: await png() }]])).json()
    const mine = await app.inject({ url: `/api/v1/media/${media.id}`, headers: ana.auth })
    assert.equal(mine.statusCode, 200)
    assert.deepEqual(mine.json(), media)
    assert.equal((await app.inject({ url: `/api/v1/media/${media.id}`, headers: ben.auth })).statusCode, 404)
    assert.equal((await app.inject({ url: '/api/v1/media/12345', headers: ana.auth })).statusCode, 404)
    assert.equal((await app.inject({ url: `/api/v1/media/${media.id}` })).statusCode, 401)
  })
})

describe('PUT /api/v1/media/:id', () => {
  it('changes alt text and focus (JSON or form), also once posted, and only one’s own', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const media: MediaAttachment = (await upload(app, ana, [['file', { data: await png() }]])).json()
    const url = `/api/v1/media/${media.id}`

    const json = await app.inject({ method: 'PUT', url, headers: ana.auth, payload: { description: 'A dog' } })
    assert.equal(json.statusCode, 200, json.body)
    assert.equal(json.json().description, 'A dog')
    const form = await app.inject({
      method: 'PUT',
      url,
      headers: { ...ana.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'focus=-1.0,1',
    })
    assert.deepEqual(form.json().meta.focus, { x: -1, y: 1 })
    assert.equal(form.json().description, 'A dog')

    const tooLong = await app.inject({
      method: 'PUT',
      url,
      headers: ana.auth,
      payload: { description: 'x'.repeat(1501) },
    })
    assert.equal(tooLong.statusCode, 422)
    assert.equal(
      (await app.inject({ method: 'PUT', url, headers: ana.auth, payload: { focus: 'left' } })).statusCode,
      422,
    )
    assert.equal(
      (await app.inject({ method: 'PUT', url, headers: ben.auth, payload: { description: 'mine now' } })).statusCode,
      404,
    )

    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: ana.auth,
      payload: { status: '', media_ids: [media.id] },
    })
    assert.equal(post.statusCode, 200, post.body)
    const later = await app.inject({ method: 'PUT', url, headers: ana.auth, payload: { description: 'A small dog' } })
    assert.equal(later.statusCode, 200)
    const status = await app.inject({ url: `/api/v1/statuses/${post.json().id}`, headers: ana.auth })
    assert.equal(status.json().media_attachments[0].description, 'A small dog')
  })
})

describe('POST /api/v1/statuses with media_ids', () => {
  it('attaches photos in the order given, with alt text; refuses others’ and used ones; deletes files with the post', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    const first: MediaAttachment = (
      await upload(app, ana, [
        ['file', { data: await png(300, 200) }],
        ['description', 'First'],
      ])
    ).json()
    const second: MediaAttachment = (
      await upload(app, ana, [
        ['file', { data: await jpegWithGps(200, 300) }],
        ['description', 'Second'],
      ])
    ).json()
    const bens: MediaAttachment = (await upload(app, ben, [['file', { data: await png() }]])).json()

    const someoneElses = await app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: ana.auth,
      payload: { status: 'stolen', media_ids: [first.id, bens.id] },
    })
    assert.equal(someoneElses.statusCode, 422)

    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: ana.auth,
      payload: { status: 'Two photos', media_ids: [second.id, first.id] },
    })
    assert.equal(res.statusCode, 200, res.body)
    const status: Status = res.json()
    assert.deepEqual(
      status.media_attachments.map((m) => [m.id, m.description]),
      [
        [second.id, 'Second'],
        [first.id, 'First'],
      ],
    )
    assert.deepEqual(status.media_attachments[1], first)

    const reused = await app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: ana.auth,
      payload: { status: 'again', media_ids: [first.id] },
    })
    assert.equal(reused.statusCode, 422)

    const files = [first.url, first.preview_url!, second.url, second.preview_url!].map(pathOf)
    for (const f of files) assert.equal((await app.inject({ url: f })).statusCode, 200)
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/statuses/${status.id}`, headers: ana.auth })
    assert.equal(del.statusCode, 200)
    for (const f of files) assert.equal((await app.inject({ url: f })).statusCode, 404)
    assert.equal(storedFiles(ctx).length, 2, 'only ben’s upload is left')
  })
})

describe('cleanUpMedia job', () => {
  it('removes uploads left unattached for a day, with their files, and keeps posted ones', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const posted: MediaAttachment = (await upload(app, ana, [['file', { data: await png() }]])).json()
    const left: MediaAttachment = (await upload(app, ana, [['file', { data: await png() }]])).json()
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: ana.auth,
      payload: { media_ids: [posted.id] },
    })
    assert.equal(post.statusCode, 200)

    await ctx.jobs.enqueue('cleanUpMedia', {})
    await ctx.jobs.drain()
    assert.equal((await countRows(ctx, ['media_attachments'])).media_attachments, 2, 'nothing is a day old yet')

    const realClock = ctx.clock
    ctx.clock = { now: () => new Date(realClock.now().getTime() + 25 * 3600 * 1000) }
    await ctx.jobs.enqueue('cleanUpMedia', {})
    await ctx.jobs.drain()
    await ctx.jobs.enqueue('cleanUpMedia', {}) // idempotent
    await ctx.jobs.drain()
    ctx.clock = realClock
    assert.equal((await app.inject({ url: `/api/v1/media/${left.id}`, headers: ana.auth })).statusCode, 404)
    assert.equal((await app.inject({ url: pathOf(left.url) })).statusCode, 404)
    assert.equal((await app.inject({ url: `/api/v1/media/${posted.id}`, headers: ana.auth })).statusCode, 200)
    assert.equal((await app.inject({ url: pathOf(posted.url) })).statusCode, 200)
  })
})
