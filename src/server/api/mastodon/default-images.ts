// The pictures Mastodon shows when there is none: clients recognise a missing header by its
// `/headers/original/missing.png` path, so Kith serves the same paths. Solid colours, drawn once.
import { crc32, deflateSync } from 'node:zlib'
import type { AppContext } from '../../context.ts'
import { getSiteSettings } from '../../domain/site/site-settings.ts'
import type { Api } from '../types.ts'

export const DEFAULT_AVATAR_PATH = '/avatars/original/missing.png'
export const DEFAULT_HEADER_PATH = '/headers/original/missing.png'
export const THUMBNAIL_PATH = '/instance/thumbnail.png'

export function registerDefaultImageRoutes(api: Api, ctx: AppContext): void {
  const images = new Map<string, Buffer>()
  const draw = (w: number, h: number, color: string) => {
    const key = `${w}x${h}${color}`
    const png = images.get(key) ?? solidPng(w, h, color)
    images.set(key, png)
    return png
  }
  const schema = { tags: ['mastodon'], summary: 'A placeholder image (PNG)' }
  api.get(DEFAULT_AVATAR_PATH, { schema }, async (_req, reply) =>
    reply
      .type('image/png')
      .header('cache-control', 'public, max-age=604800')
      .send(draw(400, 400, '#b8bec8')),
  )
  api.get(DEFAULT_HEADER_PATH, { schema }, async (_req, reply) =>
    reply
      .type('image/png')
      .header('cache-control', 'public, max-age=604800')
      .send(draw(1500, 500, '#e2e5ea')),
  )
  api.get(THUMBNAIL_PATH, { schema }, async (_req, reply) => {
    const { brand_color } = await getSiteSettings(ctx)
    return reply
      .type('image/png')
      .header('cache-control', 'public, max-age=3600')
      .send(draw(1200, 630, brand_color))
  })
}

/** An RGB PNG of one colour (#rrggbb). */
export function solidPng(width: number, height: number, color: string): Buffer {
  const hex = /^#[0-9a-f]{6}$/i.test(color) ? color : '#888888'
  const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))
  const row = Buffer.alloc(1 + width * 3) // filter byte 0, then pixels
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}
