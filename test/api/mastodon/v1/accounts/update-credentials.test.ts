import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { Value } from 'typebox/value'
import { Account, CredentialAccount } from '#shared/mastodon-entities.ts'
import { buildTestApp, countRows } from '../../../../helpers.ts'

const url = '/api/v1/accounts/update_credentials'

/** A multipart/form-data body as a browser sends it; Buffers become files. */
async function form(fields: Record<string, string | Buffer>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') data.append(k, v)
    else data.append(k, new Blob([new Uint8Array(v)]), `${k}.bin`)
  }
  const req = new Request('http://x/', { method: 'PATCH', body: data })
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! }
}

const jpegWithGps = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Snap 3' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer()

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#fa4' } })
    .png()
    .toBuffer()

/** A PNG whose header claims another size: a decompression bomb before decoding. */
function withPngSize(image: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(image)
  out.writeUInt32BE(width, 16)
  out.writeUInt32BE(height, 20)
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29)
  return out
}

function mediaFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'media')
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
}

describe('PATCH /api/v1/accounts/update_credentials', () => {
  it('edits the profile from JSON and answers a CredentialAccount with safe HTML', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    await given.account('ben')
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers: ann.auth,
      payload: {
        display_name: 'Ann \u202eOak',
        note: 'Gardener <script>alert(1)</script>\n\nfriends with @ben, #roses https://ann.example/x',
        fields_attributes: [
          { name: 'Pronouns', value: 'she/her' },
          { name: 'Blog', value: 'https://ann.example' },
          { name: '', value: '' },
        ],
        location: 'Maple Street',
        website: 'https://ann.example',
        birthday: '1990-04-05',
        birthday_visibility: 'public',
        locked: true,
        bot: false,
        discoverable: false,
      },
    })
    assert.equal(res.statusCode, 200, res.body)
    const me = res.json()
    assert.ok(Value.Check(CredentialAccount, me), [...Value.Errors(CredentialAccount, me)].map((e) => e.message).join())
    assert.equal(me.display_name, 'Ann Oak')
    assert.doesNotMatch(me.note, /<script>/)
    assert.match(me.note, /^<p>Gardener &#60;script&#62;alert\(1\)&#60;\/script&#62;<\/p><p>friends with /)
    assert.match(me.note, /<a href="http:\/\/kith\.test\/@ben" class="u-url mention">@<span>ben<\/span><\/a>/)
    assert.match(me.note, /href="http:\/\/kith\.test\/tags\/roses"/)
    assert.match(me.note, /<a href="https:\/\/ann\.example\/x" target="_blank" rel="nofollow noopener"/)
    assert.equal(
      me.source.note,
      'Gardener <script>alert(1)</script>\n\nfriends with @ben, #roses https://ann.example/x',
    )
    assert.deepEqual(
      me.fields.map((f: { name: string }) => f.name),
      ['Pronouns', 'Blog'],
    )
    assert.match(me.fields[1].value, /^<a href="https:\/\/ann\.example"/)
    assert.deepEqual(me.source.fields[1], { name: 'Blog', value: 'https://ann.example', verified_at: null })
    assert.deepEqual(
      [me.locked, me.bot, me.discoverable, me.location, me.website, me.birthday],
      [true, false, false, 'Maple Street', 'https://ann.example', '1990-04-05'],
    )
    assert.equal(me.source.birthday_visibility, 'public')
    assert.equal(me.source.profile_visibility, 'public')

    // Fields are replaced as a whole; omitted settings stay.
    const again = await app.inject({
      method: 'PATCH',
      url,
      headers: ann.auth,
      payload: { fields_attributes: { 1: { name: 'B', value: '2' }, 0: { name: 'A', value: '1' } } },
    })
    assert.deepEqual(
      again.json().fields.map((f: { name: string }) => f.name),
      ['A', 'B'],
    )
    assert.equal(again.json().location, 'Maple Street')
    const verify = await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: ann.auth })
    assert.equal(verify.json().source.fields.length, 2)
  })

  it('takes form-encoded bodies with Rails-style field keys, as Mastodon clients send them', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...ann.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload:
        'display_name=Ann&locked=true&fields_attributes[0][name]=Town&fields_attributes[0][value]=Leeds&friends_visibility=friends',
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().locked, true)
    assert.deepEqual(res.json().source.fields, [{ name: 'Town', value: 'Leeds', verified_at: null }])
    assert.equal(res.json().source.friends_visibility, 'friends')
  })

  it('refuses bad values with 422 and a message per field, changing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const before = await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: ann.auth })
    const patch = (payload: object) => app.inject({ method: 'PATCH', url, headers: ann.auth, payload })
    const refused = async (payload: object, field: string, message: RegExp) => {
      const res = await patch(payload)
      assert.equal(res.statusCode, 422, `${JSON.stringify(payload)}: ${res.body}`)
      assert.match(res.json().details[field], message)
    }
    await refused({ website: 'javascript:alert(1)', display_name: 'X' }, 'website', /http:\/\/ or https:\/\//)
    await refused({ website: 'ftp://files.example' }, 'website', /http/)
    await refused({ birthday: '2001-02-29' }, 'birthday', /not a real date/)
    await refused({ birthday: '2999-01-01' }, 'birthday', /in the past/)
    await refused({ birthday: '05/04/1990' }, 'birthday', /YYYY-MM-DD/)
    await refused({ display_name: 'x'.repeat(101) }, 'display_name', /at most 100/)
    await refused({ note: 'x'.repeat(501) }, 'note', /at most 500/)
    await refused({ profile_visibility: 'secret' }, 'profile_visibility', /public, members/)
    await refused({ friend_requests_from: 'anyone' }, 'friend_requests_from', /everyone/)
    await refused(
      { fields_attributes: [1, 2, 3, 4, 5].map((i) => ({ name: `n${i}`, value: 'v' })) },
      'fields_attributes',
      /at most 4/,
    )
    await refused({ avatar: 'https://example.com/me.png' }, 'avatar', /image file/)
    const after = await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: ann.auth })
    assert.deepEqual(after.json(), before.json())
    assert.deepEqual(await countRows(ctx, ['account_fields']), { account_fields: 0 })
    // Clearing is allowed.
    const cleared = await patch({ website: '', birthday: '' })
    assert.equal(cleared.statusCode, 200, cleared.body)
  })

  it('stores avatar and cover through the image pipeline; the served avatar has no GPS EXIF', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const avatarIn = await jpegWithGps(600, 500)
    assert.ok((await sharp(avatarIn).metadata()).exif, 'the fixture carries EXIF with GPS')
    const body = await form({ avatar: avatarIn, header: await png(1600, 700), display_name: 'Ann' })
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...ann.auth, 'content-type': body.contentType },
      payload: body.payload,
    })
    assert.equal(res.statusCode, 200, res.body)
    const me = res.json()
    assert.equal(me.display_name, 'Ann')
    assert.match(
      me.avatar,
      new RegExp(`^http://kith\\.test/media/avatars/${ann.account.id}/[0-9a-f]{16}/original\\.webp$`),
    )
    assert.equal(me.avatar_static, me.avatar)
    assert.match(me.avatar_small, /\/small\.webp$/)
    assert.match(me.header, new RegExp(`/media/headers/${ann.account.id}/[0-9a-f]{16}/original\\.webp$`))
    assert.ok(me.avatar_blurhash && me.header_blurhash)

    const served = await app.inject({ url: new URL(me.avatar).pathname })
    assert.equal(served.statusCode, 200)
    const meta = await sharp(served.rawPayload).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 400, 400])
    assert.equal(meta.exif, undefined, 'no EXIF (so no GPS) in what is served')
    const cover = await sharp((await app.inject({ url: new URL(me.header).pathname })).rawPayload).metadata()
    assert.deepEqual([cover.width, cover.height], [1500, 500])

    // A new avatar gets a fresh folder, and the old files are deleted.
    const second = await form({ avatar: await png(500, 500) })
    const res2 = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...ann.auth, 'content-type': second.contentType },
      payload: second.payload,
    })
    assert.equal(res2.statusCode, 200, res2.body)
    assert.notEqual(res2.json().avatar, me.avatar)
    assert.equal(res2.json().header, me.header, 'the cover is untouched')
    assert.equal((await app.inject({ url: new URL(me.avatar).pathname })).statusCode, 404)
    const files = mediaFiles(ctx.config.dataDir).sort()
    assert.equal(files.length, 3, files.join(', '))
    assert.ok(files.every((f) => res2.json().avatar.includes(path.dirname(f)) || me.header.includes(path.dirname(f))))
  })

  it('refuses non-images, truncated files, bombs and SVG with 422, storing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const before = await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: ann.auth })
    const good = await png(400, 400)
    const bad = {
      'not an image': Buffer.from('hello, this is text'),
      truncated: good.subarray(0, Math.floor(good.length / 2)),
      '20000×20000 PNG': withPngSize(good, 20000, 20000),
      'SVG with script': Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      ),
    }
    for (const [label, file] of Object.entries(bad)) {
      const body = await form({ avatar: file, display_name: 'Changed?' })
      const res = await app.inject({
        method: 'PATCH',
        url,
        headers: { ...ann.auth, 'content-type': body.contentType },
        payload: body.payload,
      })
      assert.equal(res.statusCode, 422, `${label}: ${res.body}`)
      assert.equal(res.json().error_code, 'invalid_image')
    }
    const header = await form({ header: bad.truncated })
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...ann.auth, 'content-type': header.contentType },
      payload: header.payload,
    })
    assert.equal(res.statusCode, 422)
    const after = await app.inject({ url: '/api/v1/accounts/verify_credentials', headers: ann.auth })
    assert.deepEqual(after.json(), before.json(), 'no row changed')
    assert.deepEqual(mediaFiles(ctx.config.dataDir), [], 'no file written')
  })

  it('answers 413 to an oversized upload, storing nothing', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const body = await form({ avatar: Buffer.alloc(9 * 1024 * 1024, 7) })
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...ann.auth, 'content-type': body.contentType },
      payload: body.payload,
    })
    assert.equal(res.statusCode, 413, res.body)
    assert.match(res.json().error, /8 MiB/)
    assert.deepEqual(mediaFiles(ctx.config.dataDir), [])
    const three = await form({ avatar: await png(10, 10), header: await png(10, 10), other: await png(10, 10) })
    const tooMany = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...ann.auth, 'content-type': three.contentType },
      payload: three.payload,
    })
    assert.equal(tooMany.statusCode, 413, tooMany.body)
    assert.match(tooMany.json().error, /at most two files/)
    const stray = await form({ banner: await png(10, 10) })
    const strayRes = await app.inject({
      method: 'PATCH',
      url,
      headers: { ...ann.auth, 'content-type': stray.contentType },
      payload: stray.payload,
    })
    assert.equal(strayRes.statusCode, 400)
    assert.match(strayRes.json().error, /Unexpected file field "banner"/)
    assert.deepEqual(mediaFiles(ctx.config.dataDir), [])
  })

  it('needs a signed-in user with write:accounts', async (t) => {
    const { app, given } = await buildTestApp(t)
    const reader = await given.account('reader', { scopes: 'read' })
    assert.equal((await app.inject({ method: 'PATCH', url, payload: { note: 'x' } })).statusCode, 401)
    const res = await app.inject({ method: 'PATCH', url, headers: reader.auth, payload: { note: 'x' } })
    assert.equal(res.statusCode, 403)
    const web = await app.inject({ method: 'PATCH', url, headers: reader.web, payload: { note: 'from the web' } })
    assert.equal(web.statusCode, 200, 'the web session may')
  })
})

describe('DELETE /api/v1/profile/avatar', () => {
  it('goes back to the default picture and deletes the files', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const body = await form({ avatar: await png(100, 100) })
    await app.inject({
      method: 'PATCH',
      url,
      headers: { ...ann.auth, 'content-type': body.contentType },
      payload: body.payload,
    })
    assert.equal(mediaFiles(ctx.config.dataDir).length, 2)
    const res = await app.inject({ method: 'DELETE', url: '/api/v1/profile/avatar', headers: ann.auth })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().avatar, 'http://kith.test/avatars/original/missing.png')
    assert.equal(res.json().avatar_blurhash, null)
    assert.deepEqual(mediaFiles(ctx.config.dataDir), [])
    const header = await app.inject({ method: 'DELETE', url: '/api/v1/profile/header', headers: ann.auth })
    assert.equal(header.json().header, 'http://kith.test/headers/original/missing.png')
    assert.ok(Value.Check(Account, (await app.inject({ url: `/api/v1/accounts/${ann.account.id}` })).json()))
  })
})
