// Avatars and covers (headers) go through the one image pipeline. Each upload gets a fresh random
// folder, `avatars/<accountId>/<random>/`, so a cached old picture is never served for the new one;
// the previous folder is deleted once the new one is saved.
import { randomBytes } from 'node:crypto'
import type { AppContext } from '../../context.ts'
import type { AccountRow } from '../../db/schema.ts'
import { processImage, type Variant } from '../media/images.ts'
import { deleteMedia, mediaUrl, putMedia } from '../media/storage.ts'

export type ProfileImageKind = 'avatar' | 'header'

const VARIANTS: Record<ProfileImageKind, Variant[]> = {
  // 400 px like Mastodon's avatars; 96 px (48 at 2×) for lists and comments.
  avatar: [
    { name: 'original', width: 400, height: 400, fit: 'cover' },
    { name: 'small', width: 96, height: 96, fit: 'cover' },
  ],
  header: [{ name: 'original', width: 1500, height: 500, fit: 'cover' }],
}
const FOLDER: Record<ProfileImageKind, string> = { avatar: 'avatars', header: 'headers' }

export type StoredImage = { kind: ProfileImageKind; key: string; blurhash: string }

/** Validates and re-encodes (refusing with 422 before anything is written), then stores the variants. */
export async function storeProfileImage(
  ctx: AppContext,
  accountId: string,
  kind: ProfileImageKind,
  input: Buffer,
): Promise<StoredImage> {
  const processed = await processImage(input, VARIANTS[kind])
  const key = `${FOLDER[kind]}/${accountId}/${randomBytes(8).toString('hex')}`
  try {
    for (const v of processed.variants) await putMedia(ctx, `${key}/${v.name}.webp`, v.data)
  } catch (err) {
    await deleteMedia(ctx, key)
    throw err
  }
  return { kind, key, blurhash: processed.blurhash }
}

export async function deleteProfileImage(ctx: AppContext, key: string | null): Promise<void> {
  if (!key) return
  try {
    await deleteMedia(ctx, key)
  } catch (err) {
    // The new picture is already saved; a leftover folder is only wasted disk.
    ctx.log.warn({ err, key }, 'could not delete an old profile image')
  }
}

/** Public URLs of an account's pictures, or null where it has none. */
export function profileImageUrls(ctx: AppContext, row: Pick<AccountRow, 'avatar_key' | 'header_key'>) {
  return {
    avatar: row.avatar_key ? mediaUrl(ctx, `${row.avatar_key}/original.webp`) : null,
    avatarSmall: row.avatar_key ? mediaUrl(ctx, `${row.avatar_key}/small.webp`) : null,
    header: row.header_key ? mediaUrl(ctx, `${row.header_key}/original.webp`) : null,
  }
}
