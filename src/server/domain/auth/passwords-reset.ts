// Forgot / reset / change password, and change email.
import type { AppContext } from '../../context.ts'
import type { AccountRow, UserRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { findAccountById, findUserByEmail, findUserById, updateUser } from '../accounts/accounts-store.ts'
import { checkEmail } from '../accounts/username.ts'
import { sendMail } from '../mail/mailer.ts'
import { renderLinkMail } from '../mail/templates.ts'
import { revokeUserTokens } from '../oauth/access-tokens.ts'
import { getSiteSettings } from '../site/site-settings.ts'
import { announceRevoked } from '../streaming/revocation.ts'
import { consumeEmailToken, issueEmailToken } from './email-tokens.ts'
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts'
import { revokeSessions } from './sessions-store.ts'
import { sendConfirmationMail } from './sign-up.ts'

/** Always succeeds from the caller's view, so it never reveals whether the email is registered. */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email.trim())
  if (!user) return
  const account = await findAccountById(ctx.db, user.account_id)
  if (!account || account.suspended_at) return
  const token = await issueEmailToken(ctx, ctx.db, user, 'reset_password', user.email)
  const settings = await getSiteSettings(ctx)
  const mail = renderLinkMail('reset', {
    locale: user.locale,
    name: account.display_name || account.username,
    site: settings.name,
    url: `${ctx.config.publicUrl}/auth/password/reset?token=${encodeURIComponent(token)}`,
    hours: 2,
  })
  await sendMail(ctx, { to: user.email, ...mail })
}

/** Sets the new password and signs the person out everywhere (sessions and app tokens). */
export async function resetPassword(ctx: AppContext, token: string, password: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await consumeEmailToken(ctx, trx, token, 'reset_password')
    const user = await findUserById(trx, row.user_id)
    if (!user) throw new AppError('validation_failed', 'This link is invalid, expired or already used')
    const weak = checkPasswordStrength(password, [user.email])
    if (weak) throw validationError({ password: `Password ${weak}` })
    await setPassword(ctx, trx, user, password)
    // Following the link proves the address, too.
    if (!user.confirmed_at) await updateUser(trx, user.id, { confirmed_at: ctx.clock.now().toISOString() })
  })
}

export async function setPassword(ctx: AppContext, db: AppContext['db'], user: UserRow, password: string) {
  const now = ctx.clock.now().toISOString()
  await updateUser(db, user.id, { password_hash: await hashPassword(password), updated_at: now })
  await revokeSessions(db, user.id, now)
  await announceRevoked(ctx, { userId: user.id }, { scope: 'sessions' }, db)
  await revokeUserTokens(ctx, db, user.id)
}

export async function changePassword(
  ctx: AppContext,
  user: UserRow,
  current: string,
  next: string,
  keepSessionId: string | null,
): Promise<void> {
  if (!(await verifyPassword(user.password_hash, current))) {
    throw validationError({ current_password: 'Current password is wrong' })
  }
  const weak = checkPasswordStrength(next, [user.email])
  if (weak) throw validationError({ password: `Password ${weak}` })
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: await hashPassword(next), updated_at: now })
    await revokeSessions(trx, user.id, now, keepSessionId ? { exceptId: keepSessionId } : {})
  })
  await announceRevoked(ctx, { userId: user.id }, { scope: 'sessions', exceptSessionId: keepSessionId ?? undefined })
}

/** The new address takes effect when the link sent to it is followed. */
export async function requestEmailChange(
  ctx: AppContext,
  user: UserRow,
  account: AccountRow,
  current: string,
  email: string,
): Promise<void> {
  if (!(await verifyPassword(user.password_hash, current))) {
    throw validationError({ current_password: 'Current password is wrong' })
  }
  const bad = checkEmail(email.trim())
  if (bad) throw validationError({ email: `Email ${bad}` })
  if (email.trim().toLowerCase() === user.email_lower) throw validationError({ email: 'That is already your email' })
  if (await findUserByEmail(ctx.db, email.trim())) throw validationError({ email: 'Email is already in use' })
  const token = await issueEmailToken(ctx, ctx.db, user, 'confirm', email.trim())
  await sendConfirmationMail(ctx, user, account, token, 'change', email.trim())
}
