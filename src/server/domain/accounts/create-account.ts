import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { AccountRow, Role, UserRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { checkPasswordStrength, hashPassword } from '../auth/passwords.ts'
import { LOCALES } from '../site/site-settings.ts'
import { findAccountByCanonical, findUserByEmail, insertAccount, insertUser } from './accounts-store.ts'
import { canonicalUsername, checkEmail, checkUsername } from './username.ts'

export type NewAccountInput = {
  username: string
  email: string
  password: string
  displayName?: string
  role?: Role
  locale?: string
  confirmed?: boolean
  approved?: boolean
  reason?: string | null
  ip?: string | null
  inviteId?: string | null
  /** Operators (setup, CLI) may take reserved names such as "admin". */
  allowReserved?: boolean
}

/** Validates everything first, so a refused sign-up changes nothing. */
export async function checkNewAccount(db: Db, input: NewAccountInput): Promise<void> {
  const details: Record<string, string> = {}
  const u = checkUsername(input.username, { allowReserved: input.allowReserved })
  if (u) details.username = `Username ${u}`
  const e = checkEmail(input.email)
  if (e) details.email = `Email ${e}`
  const p = checkPasswordStrength(input.password, [input.username, input.email])
  if (p) details.password = `Password ${p}`
  if (!details.username && (await findAccountByCanonical(db, canonicalUsername(input.username)))) {
    details.username = 'Username is taken (or too similar to an existing one)'
  }
  // NOTE: the email field says "taken" only on sign-up forms where Mastodon does too; sign-in and
  // password reset never reveal whether an address is registered.
  if (!details.email && (await findUserByEmail(db, input.email))) details.email = 'Email is already in use'
  if (Object.keys(details).length > 0) throw validationError(details)
}

export async function createAccount(
  ctx: AppContext,
  db: Db,
  input: NewAccountInput,
): Promise<{ account: AccountRow; user: UserRow }> {
  await checkNewAccount(db, input)
  const now = ctx.clock.now()
  const iso = now.toISOString()
  const account: AccountRow = {
    id: newId(now),
    username: input.username,
    username_canonical: canonicalUsername(input.username),
    display_name: (input.displayName ?? '').trim().slice(0, 100),
    note: '',
    locked: 0,
    bot: 0,
    discoverable: 1,
    created_at: iso,
    updated_at: iso,
    suspended_at: null,
    avatar_key: null,
    avatar_blurhash: null,
    header_key: null,
    header_blurhash: null,
    location: '',
    website: '',
    birthday: null,
    birthday_visibility: 'friends',
    profile_visibility: 'public',
    friend_requests_from: 'everyone',
    friends_visibility: 'public',
    followers_count: 0,
    following_count: 0,
    friends_count: 0,
    statuses_count: 0,
    last_status_at: null,
  }
  const locale = LOCALES.includes(input.locale as never) ? (input.locale as string) : 'en'
  const user: UserRow = {
    id: newId(now),
    account_id: account.id,
    email: input.email.trim(),
    email_lower: input.email.trim().toLowerCase(),
    password_hash: await hashPassword(input.password),
    role: input.role ?? 'user',
    locale,
    confirmed_at: input.confirmed ? iso : null,
    approved: input.approved === false ? 0 : 1,
    sign_up_reason: input.reason ?? null,
    sign_up_ip: input.ip ?? null,
    invite_id: input.inviteId ?? null,
    otp_secret: null,
    otp_enabled_at: null,
    otp_last_step: null,
    created_at: iso,
    updated_at: iso,
    last_sign_in_at: null,
  }
  try {
    await insertAccount(db, account)
    await insertUser(db, user)
  } catch (err) {
    // Two sign-ups racing for one name: the unique index decides.
    if (/unique|duplicate/i.test(String(err))) {
      throw new AppError('validation_failed', 'Validation failed: username or email is taken', {
        details: { username: 'Username or email is taken' },
        cause: err,
      })
    }
    throw err
  }
  return { account, user }
}
