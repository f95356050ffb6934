// Where media files live. Local disk under DATA_DIR/media by default, served at /media/….
// TODO(scaled mode): an S3-compatible store behind the same two functions.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { AppContext } from '../../context.ts'

const KEY_RE = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*\.[a-z0-9]+$/

export function mediaRoot(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'media')
}

/** Keys are made by Kith (`avatars/<id>/<variant>.webp`), never from user input. */
export async function putMedia(ctx: AppContext, key: string, data: Buffer): Promise<string> {
  if (!KEY_RE.test(key)) throw new Error(`bad media key ${key}`)
  const file = path.join(mediaRoot(ctx), key)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, data)
  return mediaUrl(ctx, key)
}

export async function deleteMedia(ctx: AppContext, keyPrefix: string): Promise<void> {
  if (!/^[a-z0-9_-]+(\/[a-z0-9_-]+)+$/.test(keyPrefix)) throw new Error(`bad media prefix ${keyPrefix}`)
  await rm(path.join(mediaRoot(ctx), keyPrefix), { recursive: true, force: true })
}

export function mediaUrl(ctx: AppContext, key: string): string {
  return `${ctx.config.publicUrl}/media/${key}`
}
