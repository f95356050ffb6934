import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { crc32 } from 'node:zlib'
import sharp from 'sharp'
import { processImage } from './images.ts'

const variants = [{ name: 'small', width: 64, height: 64, fit: 'cover' as const }]

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .toBuffer()
}

/** A PNG whose header claims another size: how a decompression bomb looks before decoding. */
function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png)
  out.writeUInt32BE(width, 16)
  out.writeUInt32BE(height, 20)
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29) // IHDR type + data
  return out
}

describe('processImage', () => {
  it('re-encodes to WebP variants without EXIF or GPS, and computes a blurhash', async () => {
    const input = await jpegWithGps()
    assert.ok((await sharp(input).metadata()).exif, 'the fixture carries EXIF')
    const out = await processImage(input, variants)
    assert.equal(out.width, 300)
    assert.equal(out.variants[0]!.width, 64)
    const meta = await sharp(out.variants[0]!.data).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(meta.exif, undefined)
    assert.equal(meta.icc, undefined)
    assert.match(out.blurhash, /^[0-9A-Za-z#$%*+,-.:;=?@[\]^_{|}~]{6,}$/)
  })

  it('refuses non-images, SVG, truncated files and decompression bombs', async () => {
    const refused = async (buf: Buffer) => {
      await assert.rejects(processImage(buf, variants), (err: { code?: string }) => err.code === 'validation_failed')
    }
    await refused(Buffer.from('hello, not an image'))
    await refused(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    await refused(png.subarray(0, Math.floor(png.length / 2)))
    await refused(withPngSize(png, 20000, 20000))
    await refused(withPngSize(png, 7000, 7000))
  })
})
