// What an operator does to users from the command line (`kith user …`): create, change role,
// reset a password, confirm an email, approve a sign-up. People are named by exact username.
import { randomInt } from 'node:crypto'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { AccountRow, Role, UserRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { checkPasswordStrength, hashPassword } from '../auth/passwords.ts'
import { revokeSessions } from '../auth/sessions-store.ts'
import { revokeUserTokens } from '../oauth/access-tokens.ts'
import { announceRevoked } from '../streaming/revocation.ts'
import { updateUser } from './accounts-store.ts'
import { createAccount } from './create-account.ts'
import { countUsersWithRole, expireEmailTokens, findUserByCanonicalUsername } from './manage-users-store.ts'
import { canonicalUsername } from './username.ts'

export const ROLES: readonly Role[] = ['owner', 'admin', 'moderator', 'user']
/** Roles `changeUserRole` gives. Owners are made at setup or with `createUserAsOperator`. */
export const ASSIGNABLE_ROLES = ['admin', 'moderator', 'user'] as const
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number]

type Found = { user: UserRow; account: AccountRow }

/** The user with exactly this username (any case, a leading @ allowed), or a not_found error. */
export async function requireUserByUsername(db: Db, username: string): Promise<Found> {
  const name = username.replace(/^@/, '')
  // The canonical form folds look-alikes ("bi1l" → "bill"), so check the name itself too.
  const found = await findUserByCanonicalUsername(db, canonicalUsername(name))
  if (!found || found.account.username.toLowerCase() !== name.toLowerCase()) {
    throw new AppError('not_found', `No user named @${name}`)
  }
  return found
}

/**
 * An account made by the operator: approved, and confirmed unless `confirmed: false` (then the
 * person asks for a confirmation email from the sign-in page). Reserved names are allowed.
 */
export async function createUserAsOperator(
  ctx: AppContext,
  input: { username: string; email: string; password: string; role?: Role; confirmed?: boolean },
): Promise<Found> {
  return createAccount(ctx, ctx.db, {
    username: input.username,
    email: input.email,
    password: input.password,
    role: input.role ?? 'user',
    confirmed: input.confirmed ?? true,
    approved: true,
    allowReserved: true,
  })
}

export async function changeUserRole(
  ctx: AppContext,
  username: string,
  role: AssignableRole,
): Promise<Found & { previousRole: Role }> {
  if (!ASSIGNABLE_ROLES.includes(role)) throw validationError({ role: `Role must be one of ${ASSIGNABLE_ROLES}` })
  // NOTE: two owners demoting each other at the same instant could both pass the count on
  // PostgreSQL; this is an operator command, and the CLI runs one at a time.
  return ctx.db.transaction().execute(async (trx) => {
    const found = await requireUserByUsername(trx, username)
    const previousRole = found.user.role
    if (previousRole === role) return { ...found, previousRole }
    if (previousRole === 'owner' && (await countUsersWithRole(trx, 'owner')) <= 1) {
      throw new AppError('conflict', `@${found.account.username} is the only owner; the site must keep one`)
    }
    const changes = { role, updated_at: ctx.clock.now().toISOString() }
    await updateUser(trx, found.user.id, changes)
    return { account: found.account, user: { ...found.user, ...changes }, previousRole }
  })
}

/**
 * Sets a new password (or generates one), then signs the user out everywhere: every web session
 * ends, every OAuth token is revoked, and unused password-reset links stop working.
 */
export async function resetUserPassword(
  ctx: AppContext,
  username: string,
  password?: string,
): Promise<Found & { password: string; generated: boolean }> {
  const found = await requireUserByUsername(ctx.db, username)
  const generated = password === undefined
  const newPassword = password ?? generatePassword()
  const weak = checkPasswordStrength(newPassword, [found.account.username, found.user.email])
  if (weak) throw validationError({ password: `Password ${weak}` })
  const passwordHash = await hashPassword(newPassword)
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, found.user.id, { password_hash: passwordHash, updated_at: now })
    await revokeSessions(trx, found.user.id, now)
    await announceRevoked(ctx, { accountId: found.account.id }, { scope: 'sessions' })
    await revokeUserTokens(ctx, trx, found.user.id)
    await expireEmailTokens(trx, found.user.id, 'reset_password', now)
  })
  return { ...found, password: newPassword, generated }
}

export async function confirmUserEmail(ctx: AppContext, username: string): Promise<Found & { changed: boolean }> {
  const found = await requireUserByUsername(ctx.db, username)
  if (found.user.confirmed_at) return { ...found, changed: false }
  const now = ctx.clock.now().toISOString()
  await updateUser(ctx.db, found.user.id, { confirmed_at: now, updated_at: now })
  return { account: found.account, user: { ...found.user, confirmed_at: now }, changed: true }
}

/** Lets in a person who signed up while the site required approval. */
export async function approveUser(ctx: AppContext, username: string): Promise<Found & { changed: boolean }> {
  const found = await requireUserByUsername(ctx.db, username)
  if (found.user.approved) return { ...found, changed: false }
  await updateUser(ctx.db, found.user.id, { approved: 1, updated_at: ctx.clock.now().toISOString() })
  return { account: found.account, user: { ...found.user, approved: 1 }, changed: true }
}

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789' // 32 symbols: no l/1, o/0
/** Four groups of five from 32 symbols: 100 bits, easy to read aloud and type. */
export function generatePassword(): string {
  const groups: string[] = []
  for (let g = 0; g < 4; g++) {
    let s = ''
    for (let i = 0; i < 5; i++) s += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]
    groups.push(s)
  }
  return groups.join('-')
}
