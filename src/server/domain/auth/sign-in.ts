import type { AppContext } from '../../context.ts'
import type { AccountRow, UserRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { findAccountById, findUserById, findUserByLogin } from '../accounts/accounts-store.ts'
import { canonicalUsername } from '../accounts/username.ts'
import { burnPasswordCheck, verifyPassword } from './passwords.ts'
import { signExpiring, verifyExpiring } from './tokens.ts'
import { verifySecondFactor } from './two-factor.ts'
import { accountBlockReason } from './viewer.ts'

const CHALLENGE_MS = 5 * 60 * 1000
const INVALID = 'Invalid username, email or password'

export type SignInResult =
  | { status: 'signed_in'; user: UserRow; account: AccountRow }
  | { status: 'two_factor_required'; challenge: string }

/** Checks the password; the same error for an unknown login and a wrong password. */
export async function signIn(ctx: AppContext, login: string, password: string): Promise<SignInResult> {
  const trimmed = login.trim()
  const found = await findUserByLogin(ctx.db, {
    canonical: canonicalUsername(trimmed.replace(/^@/, '')),
    email: trimmed.toLowerCase(),
  })
  if (!found) {
    await burnPasswordCheck(password)
    throw new AppError('unauthorized', INVALID, { reason: 'invalid_credentials' })
  }
  if (!(await verifyPassword(found.user.password_hash, password))) {
    throw new AppError('unauthorized', INVALID, { reason: 'invalid_credentials' })
  }
  assertMaySignIn(found.user, found.account)
  if (found.user.otp_enabled_at) {
    // The challenge binds the password step to this user for five minutes, nothing more.
    const expires = ctx.clock.now().getTime() + CHALLENGE_MS
    return {
      status: 'two_factor_required',
      challenge: signExpiring(ctx.config.secretKeyBase, `2fa:${found.user.id}`, expires),
    }
  }
  return { status: 'signed_in', ...found }
}

export async function completeTwoFactorSignIn(
  ctx: AppContext,
  challenge: string,
  code: string,
): Promise<{ user: UserRow; account: AccountRow }> {
  const payload = verifyExpiring(ctx.config.secretKeyBase, challenge, ctx.clock.now().getTime())
  if (!payload?.startsWith('2fa:')) {
    throw new AppError('unauthorized', 'This sign-in attempt has expired; please start again', {
      reason: 'challenge_expired',
    })
  }
  const user = await findUserById(ctx.db, payload.slice(4))
  const account = user && (await findAccountById(ctx.db, user.account_id))
  if (!user || !account || !user.otp_enabled_at) {
    throw new AppError('unauthorized', 'This sign-in attempt has expired; please start again', {
      reason: 'challenge_expired',
    })
  }
  assertMaySignIn(user, account)
  if (!(await verifySecondFactor(ctx, user, code))) {
    throw new AppError('unauthorized', 'That code is not valid', { reason: 'invalid_code' })
  }
  return { user, account }
}

function assertMaySignIn(user: UserRow, account: AccountRow): void {
  const blocked = accountBlockReason(user, account)
  if (!blocked) return
  const messages: Record<string, string> = {
    email_unconfirmed: 'Please confirm your email address first; check your inbox for the link',
    pending_approval: 'Your account is waiting for a moderator to approve it',
    suspended: 'This account has been suspended',
  }
  throw new AppError('forbidden', messages[blocked.reason] ?? blocked.message, { reason: blocked.reason })
}
