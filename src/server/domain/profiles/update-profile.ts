// Editing one's own profile: everything is validated, and pictures processed, before anything is
// written; then the row and its fields change in one transaction.
import type { AppContext } from '../../context.ts'
import type { AccountRow, AccountsTable } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { findAccountById } from '../accounts/accounts-store.ts'
import { deleteProfileImage, type ProfileImageKind, type StoredImage, storeProfileImage } from './profile-images.ts'
import { type ProfileField, replaceFields, updateProfileRow } from './profiles-store.ts'

export const PROFILE_LIMITS = {
  display_name: 100,
  note: 500,
  fields: 4,
  field_name: 255,
  field_value: 255,
  location: 100,
  website: 255,
} as const

export const BIRTHDAY_VISIBILITIES = ['public', 'friends', 'only_me'] as const
export const PROFILE_VISIBILITIES = ['public', 'members'] as const
export const FRIEND_REQUESTS_FROM = ['everyone', 'friends_of_friends', 'nobody'] as const
export const FRIENDS_VISIBILITIES = ['public', 'friends', 'only_me'] as const

/** Only what is given changes. `birthday: ''` or null clears it; `fields` replaces all fields. */
export type ProfileChanges = {
  display_name?: string
  note?: string
  locked?: boolean
  bot?: boolean
  discoverable?: boolean
  fields?: ProfileField[]
  location?: string
  website?: string
  birthday?: string | null
  birthday_visibility?: AccountsTable['birthday_visibility']
  profile_visibility?: AccountsTable['profile_visibility']
  friend_requests_from?: AccountsTable['friend_requests_from']
  friends_visibility?: AccountsTable['friends_visibility']
  avatar?: Buffer
  header?: Buffer
}

// Control characters and bidi overrides would let text disguise itself.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them on purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g
const oneLine = (s: string) =>
  s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROL, '')
    .trim()

export async function updateProfile(ctx: AppContext, accountId: string, changes: ProfileChanges): Promise<AccountRow> {
  const row = validate(ctx, changes)
  const fields = changes.fields === undefined ? undefined : validateFields(changes.fields)
  const before = await findAccountById(ctx.db, accountId)
  if (!before) throw new AppError('not_found', 'Record not found')

  const stored: StoredImage[] = []
  try {
    for (const kind of ['avatar', 'header'] as const) {
      const input = changes[kind]
      if (input) stored.push(await storeProfileImage(ctx, accountId, kind, input))
    }
    for (const image of stored) {
      row[`${image.kind}_key`] = image.key
      row[`${image.kind}_blurhash`] = image.blurhash
    }
    row.updated_at = ctx.clock.now().toISOString()
    await ctx.db.transaction().execute(async (trx) => {
      await updateProfileRow(trx, accountId, row)
      if (fields) await replaceFields(trx, accountId, fields)
    })
  } catch (err) {
    for (const image of stored) await deleteProfileImage(ctx, image.key)
    throw err
  }
  for (const image of stored) await deleteProfileImage(ctx, before[`${image.kind}_key`])
  return (await findAccountById(ctx.db, accountId))!
}

/** Back to the default picture. */
export async function removeProfileImage(ctx: AppContext, accountId: string, kind: ProfileImageKind) {
  const before = await findAccountById(ctx.db, accountId)
  if (!before) throw new AppError('not_found', 'Record not found')
  await updateProfileRow(ctx.db, accountId, {
    [`${kind}_key`]: null,
    [`${kind}_blurhash`]: null,
    updated_at: ctx.clock.now().toISOString(),
  })
  await deleteProfileImage(ctx, before[`${kind}_key`])
  return (await findAccountById(ctx.db, accountId))!
}

function validate(ctx: AppContext, c: ProfileChanges): Partial<AccountRow> {
  const details: Record<string, string> = {}
  const row: Partial<AccountRow> = {}
  const text = (key: 'display_name' | 'location', value: string | undefined) => {
    if (value === undefined) return
    const clean = oneLine(value)
    if (clean.length > PROFILE_LIMITS[key]) details[key] = `must be at most ${PROFILE_LIMITS[key]} characters`
    else row[key] = clean
  }
  text('display_name', c.display_name)
  text('location', c.location)
  if (c.note !== undefined) {
    const note = c.note.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim()
    if (note.length > PROFILE_LIMITS.note) details.note = `must be at most ${PROFILE_LIMITS.note} characters`
    else row.note = note
  }
  if (c.website !== undefined) {
    const website = c.website.trim()
    if (website && !isWebUrl(website)) details.website = 'must be an http:// or https:// address'
    else if (website.length > PROFILE_LIMITS.website) details.website = 'is too long'
    else row.website = website
  }
  if (c.birthday !== undefined) {
    const problem = c.birthday ? checkBirthday(c.birthday, ctx.clock.now()) : null
    if (problem) details.birthday = problem
    else row.birthday = c.birthday || null
  }
  for (const key of ['locked', 'bot', 'discoverable'] as const) {
    if (c[key] !== undefined) row[key] = c[key] ? 1 : 0
  }
  const choice = <K extends keyof AccountRow>(key: K, allowed: readonly string[], value: unknown) => {
    if (value === undefined) return
    if (typeof value !== 'string' || !allowed.includes(value)) details[key] = `must be one of ${allowed.join(', ')}`
    else row[key] = value as AccountRow[K]
  }
  choice('birthday_visibility', BIRTHDAY_VISIBILITIES, c.birthday_visibility)
  choice('profile_visibility', PROFILE_VISIBILITIES, c.profile_visibility)
  choice('friend_requests_from', FRIEND_REQUESTS_FROM, c.friend_requests_from)
  choice('friends_visibility', FRIENDS_VISIBILITIES, c.friends_visibility)
  if (Object.keys(details).length > 0) {
    throw validationError(Object.fromEntries(Object.entries(details).map(([k, v]) => [k, `${label(k)} ${v}`])))
  }
  return row
}

function validateFields(input: ProfileField[]): ProfileField[] {
  const fields = input
    .map((f) => ({ name: oneLine(f.name ?? ''), value: oneLine(f.value ?? '') }))
    .filter((f) => f.name || f.value)
  if (fields.length > PROFILE_LIMITS.fields) {
    throw validationError({ fields_attributes: `A profile has at most ${PROFILE_LIMITS.fields} fields` })
  }
  for (const f of fields) {
    if (!f.name) throw validationError({ fields_attributes: 'Each field needs a label' })
    if (f.name.length > PROFILE_LIMITS.field_name || f.value.length > PROFILE_LIMITS.field_value) {
      throw validationError({
        fields_attributes: `Field labels and values are at most ${PROFILE_LIMITS.field_value} characters`,
      })
    }
  }
  return fields
}

function isWebUrl(s: string): boolean {
  if (!URL.canParse(s)) return false
  const url = new URL(s)
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0 && !/\s/.test(s)
}

/** An error message, or null for a real calendar date in the past (not before 1900). */
export function checkBirthday(value: string, now: Date): string | null {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (!m) return 'must be a date written YYYY-MM-DD'
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (date.toISOString().slice(0, 10) !== value) return 'is not a real date'
  if (value < '1900-01-01') return 'is too long ago'
  if (value >= now.toISOString().slice(0, 10)) return 'must be in the past'
  return null
}

function label(key: string): string {
  const s = key.replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}
