// Single-use links sent by email: confirm an address, reset a password.
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { EmailTokenPurpose, UserRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { hashToken, randomToken } from './tokens.ts'

const TTL_MS: Record<EmailTokenPurpose, number> = {
  confirm: 3 * 24 * 3600 * 1000,
  reset_password: 2 * 3600 * 1000,
}

export async function issueEmailToken(
  ctx: AppContext,
  db: Db,
  user: UserRow,
  purpose: EmailTokenPurpose,
  email: string,
): Promise<string> {
  const token = randomToken()
  const now = ctx.clock.now()
  // A new link replaces older ones of the same kind.
  await db
    .updateTable('email_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', user.id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute()
  await db
    .insertInto('email_tokens')
    .values({
      token_hash: hashToken(token),
      user_id: user.id,
      purpose,
      email,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + TTL_MS[purpose]).toISOString(),
      used_at: null,
    })
    .execute()
  return token
}

/** Marks the token used and returns it; expired, used or unknown tokens are one clear error. */
export async function consumeEmailToken(ctx: AppContext, db: Db, token: string, purpose: EmailTokenPurpose) {
  const now = ctx.clock.now().toISOString()
  const row = await db
    .selectFrom('email_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst()
  if (!row || row.used_at || row.expires_at < now) {
    throw new AppError('validation_failed', 'This link is invalid, expired or already used', {
      reason: 'invalid_token',
    })
  }
  const claimed = await db
    .updateTable('email_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', row.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) === 0) {
    throw new AppError('validation_failed', 'This link is invalid, expired or already used', {
      reason: 'invalid_token',
    })
  }
  return row
}
