// Invite codes: `${PUBLIC_URL}/auth/sign_up?invite=CODE` lets someone sign up while registration
// is invite-only. An invite may cap its uses and expire; operators make them with `kith invite create`.
import { randomInt } from 'node:crypto'
import { newId } from '#shared/id.ts'
import type { Config } from '../../config.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { InviteRow } from '../../db/schema.ts'
import { validationError } from '../../errors.ts'
import { findUsableInviteByCode, incrementInviteUses, insertInvite } from './invites-store.ts'

export const INVITE_MAX_USES_LIMIT = 10_000
export const INVITE_EXPIRY_DAYS_LIMIT = 3650
const CODE_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789' // no 0/O, 1/l/I
const CODE_LENGTH = 12

export type NewInvite = {
  /** Who made it; null for an invite made by the operator from the command line. */
  userId?: string | null
  maxUses?: number | null
  expiresInDays?: number | null
}

export async function createInvite(ctx: AppContext, input: NewInvite = {}): Promise<InviteRow> {
  const details: Record<string, string> = {}
  const { maxUses = null, expiresInDays = null } = input
  if (maxUses !== null && !(Number.isInteger(maxUses) && maxUses >= 1 && maxUses <= INVITE_MAX_USES_LIMIT)) {
    details.max_uses = `Max uses must be a whole number from 1 to ${INVITE_MAX_USES_LIMIT}`
  }
  if (
    expiresInDays !== null &&
    !(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= INVITE_EXPIRY_DAYS_LIMIT)
  ) {
    details.expires_in_days = `Expiry must be a whole number of days from 1 to ${INVITE_EXPIRY_DAYS_LIMIT}`
  }
  if (Object.keys(details).length > 0) throw validationError(details)

  const now = ctx.clock.now()
  const row: InviteRow = {
    id: newId(now),
    code: newInviteCode(),
    user_id: input.userId ?? null,
    max_uses: maxUses,
    uses: 0,
    expires_at: expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(),
    created_at: now.toISOString(),
  }
  await insertInvite(ctx.db, row)
  return row
}

/** The invite behind a code, if it exists, has not expired and has uses left. */
export async function findUsableInvite(db: Db, code: string, now: Date | string): Promise<InviteRow | undefined> {
  if (!code || code.length > 64) return undefined
  return findUsableInviteByCode(db, code, typeof now === 'string' ? now : now.toISOString())
}

/**
 * Counts one use. Returns false when the invite was used up meanwhile (two sign-ups racing for
 * the last use); call it inside the sign-up transaction and refuse the sign-up then.
 */
export async function useInvite(db: Db, inviteId: string): Promise<boolean> {
  return (await incrementInviteUses(db, inviteId)) === 1
}

export function inviteUrl(config: Pick<Config, 'publicUrl'>, code: string): string {
  return `${config.publicUrl}/auth/sign_up?invite=${encodeURIComponent(code)}`
}

function newInviteCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}
