import type { AppContext } from '../../context.ts'
import type { AccountRow, UserRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { createAccount } from '../accounts/create-account.ts'
import { REGISTRATION_MODES, type RegistrationMode, updateSiteSettings } from './site-settings.ts'

export type SetupInput = {
  siteName: string
  description: string
  registrationMode: RegistrationMode
  username: string
  email: string
  password: string
}

/** First run: names the site and creates its owner. Works once; the wizard is gone after. */
export async function completeSetup(
  ctx: AppContext,
  input: SetupInput,
): Promise<{ account: AccountRow; user: UserRow }> {
  const siteName = input.siteName.trim()
  const details: Record<string, string> = {}
  if (!siteName) details.site_name = 'Site name is required'
  if (siteName.length > 60) details.site_name = 'Site name must be at most 60 characters'
  if (input.description.length > 500) details.description = 'Description must be at most 500 characters'
  if (!REGISTRATION_MODES.includes(input.registrationMode)) details.registration_mode = 'Unknown registration mode'
  if (Object.keys(details).length > 0) throw validationError(details)

  const now = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    // The marker row's primary key makes a second, racing setup fail here.
    const claimed = await trx
      .insertInto('site_settings')
      .values({ key: 'setup_completed_at', value: JSON.stringify(now), updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst()
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0)
      throw new AppError('conflict', 'This site is already set up')
    const created = await createAccount(ctx, trx, {
      username: input.username,
      email: input.email,
      password: input.password,
      role: 'owner',
      confirmed: true,
      approved: true,
      allowReserved: true,
    })
    await updateSiteSettings(ctx, trx, {
      name: siteName,
      description: input.description.trim(),
      registration_mode: input.registrationMode,
    })
    return created
  })
}
