// Registration through the web form or the Mastodon API (POST /api/v1/accounts).
import type { AppContext } from '../../context.ts'
import type { AccountRow, UserRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { createAccount } from '../accounts/create-account.ts'
import { checkSignUpAllowed } from '../filters/blocks.ts'
import { findUsableInvite, useInvite } from '../invites/invites.ts'
import { sendMail } from '../mail/mailer.ts'
import { renderLinkMail } from '../mail/templates.ts'
import { getSiteSettings, isSetupRequired } from '../site/site-settings.ts'
import { issueEmailToken } from './email-tokens.ts'

export type SignUpInput = {
  username: string
  email: string
  password: string
  agreement: boolean
  locale?: string
  reason?: string | null
  inviteCode?: string | null
  ip: string | null
}

export async function signUp(ctx: AppContext, input: SignUpInput): Promise<{ user: UserRow; account: AccountRow }> {
  const settings = await getSiteSettings(ctx)
  if (isSetupRequired(settings))
    throw new AppError('forbidden', 'This site is not set up yet', { reason: 'setup_required' })
  const mode = settings.registration_mode
  if (mode === 'closed') throw new AppError('forbidden', 'Registrations are closed', { reason: 'registrations_closed' })
  if (!input.agreement) throw validationError({ agreement: 'You must accept the rules and terms' })
  const reason = input.reason?.trim() || null
  if (reason && reason.length > 1000) throw validationError({ reason: 'Reason must be at most 1000 characters' })

  // Blocked email domains (422) and IP ranges (403); some ranges only need approval.
  const guard = await checkSignUpAllowed(ctx, { email: input.email, ip: input.ip })

  const now = ctx.clock.now()
  const created = await ctx.db.transaction().execute(async (trx) => {
    const invite = input.inviteCode ? await findUsableInvite(trx, input.inviteCode, now) : undefined
    if (input.inviteCode && !invite) throw validationError({ invite_code: 'This invitation is invalid or has expired' })
    if (mode === 'invite' && !invite) throw validationError({ invite_code: 'An invitation is required to join' })
    if (mode === 'approval' && !invite && !reason) {
      throw validationError({ reason: 'Please tell the moderators why you want to join' })
    }
    const result = await createAccount(ctx, trx, {
      username: input.username,
      email: input.email,
      password: input.password,
      locale: input.locale,
      // An invitation vouches for the newcomer, as on Mastodon.
      approved: (mode !== 'approval' || invite !== undefined) && !guard.requireApproval,
      reason,
      ip: input.ip,
      inviteId: invite?.id ?? null,
    })
    // The conditional update decides a race for an invitation's last use.
    if (invite && !(await useInvite(trx, invite.id))) {
      throw validationError({ invite_code: 'This invitation has been used up' })
    }
    const token = await issueEmailToken(ctx, trx, result.user, 'confirm', result.user.email)
    return { ...result, token }
  })
  await sendConfirmationMail(ctx, created.user, created.account, created.token, 'confirm')
  return { user: created.user, account: created.account }
}

export async function sendConfirmationMail(
  ctx: AppContext,
  user: UserRow,
  account: AccountRow,
  token: string,
  kind: 'confirm' | 'change',
  to = user.email,
): Promise<void> {
  const settings = await getSiteSettings(ctx)
  const url = `${ctx.config.publicUrl}/auth/confirm?token=${encodeURIComponent(token)}`
  const mail = renderLinkMail(kind, {
    locale: user.locale,
    name: account.display_name || account.username,
    site: settings.name,
    url,
    hours: 72,
  })
  await sendMail(ctx, { to, ...mail })
}
