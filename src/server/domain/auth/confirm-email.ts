import type { AppContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { findAccountById, findUserByEmail, findUserById, updateUser } from '../accounts/accounts-store.ts'
import { consumeEmailToken, issueEmailToken } from './email-tokens.ts'
import { sendConfirmationMail } from './sign-up.ts'

/** Confirms a sign-up address, or switches to a new address after a change-email request. */
export async function confirmEmail(
  ctx: AppContext,
  token: string,
): Promise<{ status: 'confirmed' | 'pending_approval' }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await consumeEmailToken(ctx, trx, token, 'confirm')
    const user = await findUserById(trx, row.user_id)
    if (!user) throw new AppError('validation_failed', 'This link is invalid, expired or already used')
    const now = ctx.clock.now().toISOString()
    if (row.email.toLowerCase() !== user.email_lower) {
      if (await findUserByEmail(trx, row.email)) {
        throw new AppError('conflict', 'That email address is now used by another account')
      }
      await updateUser(trx, user.id, { email: row.email, email_lower: row.email.toLowerCase(), updated_at: now })
    }
    if (!user.confirmed_at) await updateUser(trx, user.id, { confirmed_at: now, updated_at: now })
    return { status: user.approved ? 'confirmed' : 'pending_approval' }
  })
}

/** Sends a new confirmation link. Silent when the address is unknown or already confirmed. */
export async function resendConfirmation(ctx: AppContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email)
  if (!user || user.confirmed_at) return
  const account = await findAccountById(ctx.db, user.account_id)
  if (!account) return
  const token = await issueEmailToken(ctx, ctx.db, user, 'confirm', user.email)
  await sendConfirmationMail(ctx, user, account, token, 'confirm')
}
