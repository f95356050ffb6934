// Post photos: upload (validated and re-encoded before anything is stored), read and edit one's own.
// Each upload lives under `media/<mediaId>/<random>/{original,small}.webp`; the random part keeps
// the URL unguessable from the id.
import { randomBytes } from 'node:crypto'
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { MediaRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { processImage, type Variant } from './images.ts'
import { findOwnMedia, insertMedia, updateMediaRow } from './media-store.ts'
import { deleteMedia, putMedia } from './storage.ts'

export const MEDIA_LIMITS = { descriptionChars: 1500, originalSide: 2048, smallSide: 640 }

const VARIANTS: Variant[] = [
  { name: 'original', width: MEDIA_LIMITS.originalSide, height: MEDIA_LIMITS.originalSide, fit: 'inside' },
  { name: 'small', width: MEDIA_LIMITS.smallSide, height: MEDIA_LIMITS.smallSide, fit: 'inside' },
]

export type MediaInput = { file: Buffer | null; description?: string; focus?: string }
export type MediaChanges = { description?: string; focus?: string }

export async function uploadMedia(ctx: AppContext, accountId: string, input: MediaInput): Promise<MediaRow> {
  const description = checkDescription(input.description)
  const focus = input.focus === undefined ? { x: 0, y: 0 } : parseFocus(input.focus)
  if (!input.file || input.file.length === 0) throw validationError({ file: 'Choose a photo to upload' })
  const processed = await processImage(input.file, VARIANTS)
  const original = processed.variants.find((v) => v.name === 'original')!
  const small = processed.variants.find((v) => v.name === 'small')!

  const now = ctx.clock.now()
  const id = newId(now)
  const key = `media/${id}/${randomBytes(8).toString('hex')}`
  const row: MediaRow = {
    id,
    account_id: accountId,
    post_id: null,
    position: 0,
    type: 'image',
    file_key: key,
    blurhash: processed.blurhash,
    description: description ?? '',
    focus_x: focus.x,
    focus_y: focus.y,
    width: original.width,
    height: original.height,
    small_width: small.width,
    small_height: small.height,
    created_at: now.toISOString(),
  }
  try {
    for (const v of processed.variants) await putMedia(ctx, `${key}/${v.name}.webp`, v.data)
    await insertMedia(ctx.db, row)
  } catch (err) {
    await deleteMedia(ctx, key).catch((e) => ctx.log.warn({ err: e, key }, 'could not remove a failed upload'))
    throw err
  }
  return row
}

/** One's own upload, attached or not; anyone else's is "not found". */
export async function getOwnMedia(ctx: AppContext, accountId: string, id: string): Promise<MediaRow> {
  const row = await findOwnMedia(ctx.db, accountId, id)
  if (!row) throw new AppError('not_found', 'Record not found')
  return row
}

/** Alt text and focal point; allowed after the photo is posted too, as on Mastodon. */
export async function updateOwnMedia(
  ctx: AppContext,
  accountId: string,
  id: string,
  changes: MediaChanges,
): Promise<MediaRow> {
  const row = await getOwnMedia(ctx, accountId, id)
  const description = checkDescription(changes.description)
  const focus = changes.focus === undefined ? undefined : parseFocus(changes.focus)
  const set = {
    ...(description !== undefined ? { description } : {}),
    ...(focus ? { focus_x: focus.x, focus_y: focus.y } : {}),
  }
  await updateMediaRow(ctx.db, id, set)
  return { ...row, ...set }
}

function checkDescription(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  const description = raw.replace(/\r\n?/g, '\n').trim()
  if ([...description].length > MEDIA_LIMITS.descriptionChars) {
    throw validationError({ description: `Alt text must be at most ${MEDIA_LIMITS.descriptionChars} characters` })
  }
  return description
}

/** Mastodon's focal point: "x,y", each from -1.0 (left, bottom) to 1.0 (right, top). */
export function parseFocus(raw: string): { x: number; y: number } {
  const parts = raw.split(',').map((p) => p.trim())
  const nums = parts.map((p) => (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(p) ? Number(p) : Number.NaN))
  if (nums.length !== 2 || nums.some((n) => !(n >= -1 && n <= 1))) {
    throw validationError({ focus: 'Focus must be two numbers from -1.0 to 1.0, as "x,y"' })
  }
  const round = (n: number) => Math.round(n * 100) / 100 || 0
  return { x: round(nums[0]!), y: round(nums[1]!) }
}
