// TOTP (RFC 6238) with the otpauth library, plus one-time recovery codes.
import * as OTPAuth from 'otpauth'
import QRCode from 'qrcode'
import type { AppContext } from '../../context.ts'
import type { UserRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { findAccountById, updateUser } from '../accounts/accounts-store.ts'
import { getSiteSettings } from '../site/site-settings.ts'
import { verifyPassword } from './passwords.ts'
import { decryptSecret, encryptSecret, hashToken, randomToken } from './tokens.ts'

const PURPOSE = 'otp'
const PERIOD_S = 30

function totpFor(secretBase32: string, label: string, issuer: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  })
}

/** Starts enrolment: a new secret is stored (sealed) but not enabled until a code confirms it. */
export async function beginTwoFactorSetup(
  ctx: AppContext,
  user: UserRow,
): Promise<{ secret: string; otpauth_uri: string; qr_svg: string }> {
  if (user.otp_enabled_at) throw new AppError('conflict', 'Two-factor authentication is already on')
  const account = await findAccountById(ctx.db, user.account_id)
  const settings = await getSiteSettings(ctx)
  const secret = new OTPAuth.Secret({ size: 20 }).base32
  await updateUser(ctx.db, user.id, { otp_secret: encryptSecret(ctx.config.secretKeyBase, secret, PURPOSE) })
  const uri = totpFor(secret, `${account?.username ?? 'user'}@${ctx.config.domain}`, settings.name).toString()
  const qr_svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { secret, otpauth_uri: uri, qr_svg }
}

/** Confirms enrolment with a first code; returns ten recovery codes, shown once. */
export async function enableTwoFactor(ctx: AppContext, user: UserRow, code: string): Promise<string[]> {
  if (user.otp_enabled_at) throw new AppError('conflict', 'Two-factor authentication is already on')
  if (!user.otp_secret) throw new AppError('validation_failed', 'Start two-factor setup first')
  const step = matchTotp(ctx, user, code)
  if (step === null)
    throw new AppError('validation_failed', 'That code is not valid; check your device clock', {
      reason: 'invalid_code',
    })
  const codes = Array.from({ length: 10 }, () => randomToken(8).replace(/[-_]/g, 'x').slice(0, 10).toLowerCase())
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('otp_recovery_codes').where('user_id', '=', user.id).execute()
    await trx
      .insertInto('otp_recovery_codes')
      .values(codes.map((c) => ({ user_id: user.id, code_hash: hashToken(c), used_at: null })))
      .execute()
    await updateUser(trx, user.id, { otp_enabled_at: now, otp_last_step: step, updated_at: now })
  })
  return codes
}

export async function disableTwoFactor(ctx: AppContext, user: UserRow, password: string): Promise<void> {
  if (!(await verifyPassword(user.password_hash, password))) {
    throw new AppError('validation_failed', 'Wrong password', { details: { password: 'Wrong password' } })
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('otp_recovery_codes').where('user_id', '=', user.id).execute()
    await updateUser(trx, user.id, { otp_secret: null, otp_enabled_at: null, otp_last_step: null })
  })
}

/** A TOTP code not used before, or an unused recovery code (then spent). */
export async function verifySecondFactor(ctx: AppContext, user: UserRow, code: string): Promise<boolean> {
  const cleaned = code.replace(/\s+/g, '')
  if (/^\d{6}$/.test(cleaned)) {
    const step = matchTotp(ctx, user, cleaned)
    if (step === null || (user.otp_last_step !== null && step <= user.otp_last_step)) return false
    // Only one request can move the step forward: a replayed code loses the race.
    const r = await ctx.db
      .updateTable('users')
      .set({ otp_last_step: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('otp_last_step', 'is', null), eb('otp_last_step', '<', step)]))
      .executeTakeFirst()
    return Number(r.numUpdatedRows) === 1
  }
  const r = await ctx.db
    .updateTable('otp_recovery_codes')
    .set({ used_at: ctx.clock.now().toISOString() })
    .where('user_id', '=', user.id)
    .where('code_hash', '=', hashToken(cleaned.toLowerCase()))
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** The time step the code belongs to, or null. Accepts one step of clock drift either way. */
function matchTotp(ctx: AppContext, user: UserRow, code: string): number | null {
  if (!user.otp_secret || !/^\d{6}$/.test(code)) return null
  const secret = decryptSecret(ctx.config.secretKeyBase, user.otp_secret, PURPOSE)
  const now = ctx.clock.now().getTime()
  const delta = totpFor(secret, 'x', 'x').validate({ token: code, timestamp: now, window: 1 })
  if (delta === null) return null
  return Math.floor(now / 1000 / PERIOD_S) + delta
}
