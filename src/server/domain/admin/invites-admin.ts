// Invitation links in the web app: who may make them is a site setting (everyone, moderators,
// admins); people see and revoke their own, and admins (manage_invites) see and revoke all.
import type { AppContext } from '../../context.ts'
import type { InviteRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { createInvite } from '../invites/invites.ts'
import { getSiteSettings } from '../site/site-settings.ts'
import { recordAudit } from './audit.ts'
import { hasPermission, isStaff } from './permissions.ts'

export async function mayCreateInvites(ctx: AppContext, viewer: Viewer): Promise<boolean> {
  const { invites_allowed } = await getSiteSettings(ctx)
  if (await hasPermission(ctx.db, viewer, 'manage_invites')) return true
  if (invites_allowed === 'everyone') return true
  if (invites_allowed === 'moderators') return isStaff(ctx.db, viewer)
  return false
}

export async function createInviteAs(
  ctx: AppContext,
  viewer: Viewer,
  ip: string | null,
  input: { maxUses?: number | null; expiresInDays?: number | null },
): Promise<InviteRow> {
  if (!(await mayCreateInvites(ctx, viewer))) {
    throw new AppError('forbidden', 'You are not allowed to create invitations', { reason: 'invites_not_allowed' })
  }
  const settings = await getSiteSettings(ctx)
  const invite = await createInvite(ctx, {
    userId: viewer.user.id,
    maxUses: input.maxUses === undefined ? settings.invite_max_uses_default : input.maxUses,
    expiresInDays: input.expiresInDays === undefined ? settings.invite_expiry_days_default : input.expiresInDays,
  })
  await recordAudit(
    ctx,
    ctx.db,
    { viewer, ip },
    {
      action: 'invite.create',
      target: { type: 'invite', id: invite.id, label: invite.code },
      after: { max_uses: invite.max_uses, expires_at: invite.expires_at },
    },
  )
  return invite
}

/** Everyone's invitations for admins (`all`), otherwise only the viewer's own. */
export async function listInvites(ctx: AppContext, viewer: Viewer, all: boolean): Promise<InviteRow[]> {
  let q = ctx.db.selectFrom('invites').selectAll().orderBy('id', 'desc').limit(200)
  if (!all) q = q.where('user_id', '=', viewer.user.id)
  return q.execute()
}

/** Revoking expires the invite now; uses made so far stay counted. */
export async function revokeInvite(ctx: AppContext, viewer: Viewer, ip: string | null, id: string): Promise<InviteRow> {
  const invite = await ctx.db.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst()
  const mine = invite?.user_id === viewer.user.id
  if (!invite || (!mine && !(await hasPermission(ctx.db, viewer, 'manage_invites')))) {
    throw new AppError('not_found', 'Record not found')
  }
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('invites').set({ expires_at: now }).where('id', '=', id).execute()
    await recordAudit(
      ctx,
      trx,
      { viewer, ip },
      {
        action: 'invite.revoke',
        target: { type: 'invite', id, label: invite.code },
        before: { expires_at: invite.expires_at },
        after: { expires_at: now },
      },
    )
  })
  return { ...invite, expires_at: now }
}
