import type { AppContext } from '../../context.ts'
import type { AccountRow, UserRow } from '../../db/schema.ts'
import { validationError } from '../../errors.ts'
import { LOCALES } from '../site/site-settings.ts'
import { findAccountById, findUserById, updateAccount, updateUser } from './accounts-store.ts'

/** Display name and interface language, from account settings. */
export async function updateBasics(
  ctx: AppContext,
  user: UserRow,
  changes: { displayName?: string; locale?: string },
): Promise<{ user: UserRow; account: AccountRow }> {
  const now = ctx.clock.now().toISOString()
  if (changes.locale !== undefined && !LOCALES.includes(changes.locale as never)) {
    throw validationError({ locale: `Language must be one of ${LOCALES.join(', ')}` })
  }
  if (changes.displayName !== undefined) {
    // Control characters and bidi overrides would let a name disguise itself.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them on purpose
    const name = changes.displayName.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim()
    if (name.length > 100) throw validationError({ display_name: 'Display name must be at most 100 characters' })
    await updateAccount(ctx.db, user.account_id, { display_name: name, updated_at: now })
  }
  if (changes.locale !== undefined) await updateUser(ctx.db, user.id, { locale: changes.locale, updated_at: now })
  const [u, a] = await Promise.all([findUserById(ctx.db, user.id), findAccountById(ctx.db, user.account_id)])
  return { user: u!, account: a! }
}
