// `kith invite create`.
import {
  createInvite,
  INVITE_EXPIRY_DAYS_LIMIT,
  INVITE_MAX_USES_LIMIT,
  inviteUrl,
} from '../../domain/invites/invites.ts'
import type { Command } from '../args.ts'

export const inviteCreate: Command = {
  path: ['invite', 'create'],
  summary: 'Make an invite link; it lets people sign up even when registration is invite-only.',
  details: 'Without flags the link never expires and has no use limit.',
  options: {
    'max-uses': {
      type: 'string',
      value: 'N',
      integer: { min: 1, max: INVITE_MAX_USES_LIMIT },
      description: 'How many sign-ups it allows',
    },
    'expires-in-days': {
      type: 'string',
      value: 'N',
      integer: { min: 1, max: INVITE_EXPIRY_DAYS_LIMIT },
      description: 'Days until it stops working',
    },
  },
  async run(ctx, args, io) {
    const invite = await createInvite(ctx, {
      maxUses: args.integer('max-uses') ?? null,
      expiresInDays: args.integer('expires-in-days') ?? null,
    })
    const uses =
      invite.max_uses === null ? 'unlimited uses' : `up to ${invite.max_uses} use${invite.max_uses === 1 ? '' : 's'}`
    const expiry = invite.expires_at === null ? 'never expires' : `expires ${invite.expires_at}`
    io.out(`Invite ${invite.code} created (${uses}, ${expiry}):`)
    io.out(inviteUrl(ctx.config, invite.code))
  },
}
