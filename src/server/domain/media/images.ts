// The one image pipeline for avatars, covers and post photos: the type is read from the bytes,
// the pixel count is capped before decoding, the image is re-encoded (which drops EXIF, GPS and
// ICC metadata), resized to fixed variants, and summarised as a blurhash.
import { encode } from 'blurhash'
import sharp, { type Metadata } from 'sharp'
import { AppError } from '../../errors.ts'

/** Formats accepted from uploads. SVG (scriptable) and anything else are refused. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif'])
export const MAX_INPUT_PIXELS = 40_000_000 // e.g. 8000 × 5000
export const MAX_INPUT_SIDE = 12_000

export type Variant = { name: string; width: number; height: number; fit: 'cover' | 'inside' }
export type ProcessedImage = {
  width: number
  height: number
  blurhash: string
  variants: { name: string; data: Buffer; width: number; height: number; contentType: 'image/webp' }[]
}

function refuse(message: string, cause?: unknown): AppError {
  return new AppError('validation_failed', message, { reason: 'invalid_image', cause })
}

export async function processImage(input: Buffer, variants: Variant[]): Promise<ProcessedImage> {
  let meta: Metadata
  try {
    // Reads the header only; nothing is decoded yet.
    meta = await sharp(input, { limitInputPixels: false }).metadata()
  } catch (err) {
    throw refuse('The file is not an image Kith can read (use JPEG, PNG, WebP, GIF, HEIC or AVIF)', err)
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) {
    throw refuse('Unsupported image type (use JPEG, PNG, WebP, GIF, HEIC or AVIF)')
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0
  const height = meta.autoOrient?.height ?? meta.height ?? 0
  if (!width || !height) throw refuse('The image has no size')
  if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE || width * height > MAX_INPUT_PIXELS) {
    throw refuse(`The image is too large (at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels)`)
  }
  // failOn 'warning' (the default) also refuses truncated files during the decode below.
  const base = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false }).rotate()
  try {
    const out: ProcessedImage['variants'] = []
    for (const v of variants) {
      const { data, info } = await base()
        .resize({ width: v.width, height: v.height, fit: v.fit, withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true })
      out.push({ name: v.name, data, width: info.width, height: info.height, contentType: 'image/webp' })
    }
    const small = await base()
      .resize(32, 32, { fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
    const blurhash = encode(new Uint8ClampedArray(small.data), small.info.width, small.info.height, 4, 3)
    return { width, height, blurhash, variants: out }
  } catch (err) {
    if (err instanceof AppError) throw err
    throw refuse('The image is damaged or truncated', err)
  }
}
