// Sign-up and sign-in guards: blocked email domains (a sign-up is refused with 422) and blocked
// IP ranges (403; or, for `sign_up_requires_approval`, the sign-up waits for a moderator).
import { BlockList, isIP } from 'node:net'
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { EmailDomainBlocksTable, IpBlockRow, IpBlockSeverity } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { type Actor, recordAudit } from '../admin/audit.ts'

export const IP_SEVERITIES: readonly IpBlockSeverity[] = ['sign_up_requires_approval', 'sign_up_block', 'no_access']
const RANK: Record<IpBlockSeverity, number> = { sign_up_requires_approval: 1, sign_up_block: 2, no_access: 3 }
const DOMAIN_RE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

export function normalizeDomain(value: string): string | null {
  const d = value.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '')
  return DOMAIN_RE.test(d) ? d : null
}

/** The blocked domain an address falls under (its own or a parent domain), if any. */
export async function findBlockedEmailDomain(db: Db, email: string): Promise<string | null> {
  const domain = email.trim().toLowerCase().split('@')[1]
  if (!domain) return null
  const parts = domain.split('.')
  const candidates = parts.map((_, i) => parts.slice(i).join('.')).filter((d) => d.includes('.'))
  if (candidates.length === 0) return null
  const row = await db
    .selectFrom('email_domain_blocks')
    .select('domain')
    .where('domain', 'in', candidates)
    .executeTakeFirst()
  return row?.domain ?? null
}

export async function listEmailDomainBlocks(db: Db, limit = 200): Promise<EmailDomainBlocksTable[]> {
  return db.selectFrom('email_domain_blocks').selectAll().orderBy('id', 'desc').limit(limit).execute()
}

export async function createEmailDomainBlock(ctx: AppContext, actor: Actor, value: string) {
  const domain = normalizeDomain(value)
  if (!domain) throw validationError({ domain: 'Not a valid domain name' })
  const existing = await ctx.db
    .selectFrom('email_domain_blocks')
    .selectAll()
    .where('domain', '=', domain)
    .executeTakeFirst()
  if (existing)
    throw new AppError('validation_failed', 'Validation failed: Domain is already blocked', {
      details: { domain: 'is already blocked' },
    })
  const row = { id: newId(ctx.clock.now()), domain, created_at: ctx.clock.now().toISOString() }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('email_domain_blocks').values(row).execute()
    await recordAudit(ctx, trx, actor, {
      action: 'email_domain_block.create',
      target: { type: 'email_domain_block', id: row.id, label: domain },
      after: row,
    })
  })
  return row
}

export async function deleteEmailDomainBlock(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await ctx.db.selectFrom('email_domain_blocks').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'Record not found')
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('email_domain_blocks').where('id', '=', id).execute()
    await recordAudit(ctx, trx, actor, {
      action: 'email_domain_block.delete',
      target: { type: 'email_domain_block', id, label: row.domain },
      before: row,
    })
  })
}

/** `203.0.113.7`, `203.0.113.0/24`, `2001:db8::/32` → canonical `address/prefix`, or null. */
export function parseCidr(
  value: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6'; text: string } | null {
  const [address = '', prefixText] = value.trim().split('/')
  const v = isIP(address)
  if (!v) return null
  const max = v === 4 ? 32 : 128
  const prefix = prefixText === undefined ? max : Number(prefixText)
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > max ||
    (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))
  )
    return null
  return {
    address: address.toLowerCase(),
    prefix,
    family: v === 4 ? 'ipv4' : 'ipv6',
    text: `${address.toLowerCase()}/${prefix}`,
  }
}

export async function listIpBlocks(ctx: AppContext, limit = 200): Promise<IpBlockRow[]> {
  return ctx.db.selectFrom('ip_blocks').selectAll().orderBy('id', 'desc').limit(limit).execute()
}

/** The strongest unexpired block covering this address, if any. */
export async function ipPolicy(ctx: AppContext, ip: string | null | undefined): Promise<IpBlockSeverity | null> {
  if (!ip || !isIP(ip)) return null
  const now = ctx.clock.now().toISOString()
  const rows = await ctx.db
    .selectFrom('ip_blocks')
    .select(['ip', 'severity'])
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute()
  let best: IpBlockSeverity | null = null
  const family = isIP(ip) === 4 ? 'ipv4' : 'ipv6'
  for (const r of rows) {
    const c = parseCidr(r.ip)
    if (!c || c.family !== family) continue
    const list = new BlockList()
    list.addSubnet(c.address, c.prefix, c.family)
    if (list.check(ip, family) && (!best || RANK[r.severity] > RANK[best])) best = r.severity
  }
  return best
}

export type IpBlockInput = { ip?: string; severity?: string; comment?: string; expiresIn?: number | null }

function checkIpBlock(input: IpBlockInput, partial: boolean) {
  const bad: Record<string, string> = {}
  const cidr = input.ip === undefined ? null : parseCidr(input.ip)
  if ((!partial || input.ip !== undefined) && !cidr) bad.ip = 'Not a valid IP address or range'
  if ((!partial || input.severity !== undefined) && !IP_SEVERITIES.includes(input.severity as IpBlockSeverity)) {
    bad.severity = `severity must be one of ${IP_SEVERITIES.join(', ')}`
  }
  if ((input.comment ?? '').length > 1000) bad.comment = 'At most 1000 characters'
  const e = input.expiresIn
  if (e !== undefined && e !== null && !(Number.isInteger(e) && e > 0 && e <= 10 * 365 * 86400))
    bad.expires_in = 'expires_in must be a positive number of seconds'
  if (Object.keys(bad).length > 0) throw validationError(bad)
  return cidr
}

export async function createIpBlock(ctx: AppContext, actor: Actor, input: IpBlockInput): Promise<IpBlockRow> {
  const cidr = checkIpBlock(input, false)!
  const now = ctx.clock.now()
  const row: IpBlockRow = {
    id: newId(now),
    ip: cidr.text,
    severity: input.severity as IpBlockSeverity,
    comment: (input.comment ?? '').trim(),
    expires_at: input.expiresIn ? new Date(now.getTime() + input.expiresIn * 1000).toISOString() : null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('ip_blocks').values(row).execute()
    await recordAudit(ctx, trx, actor, {
      action: 'ip_block.create',
      target: { type: 'ip_block', id: row.id, label: row.ip },
      after: row,
    })
  })
  return row
}

export async function findIpBlock(ctx: AppContext, id: string): Promise<IpBlockRow> {
  const row = await ctx.db.selectFrom('ip_blocks').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'Record not found')
  return row
}

export async function updateIpBlock(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: IpBlockInput,
): Promise<IpBlockRow> {
  const before = await findIpBlock(ctx, id)
  const cidr = checkIpBlock(input, true)
  const now = ctx.clock.now()
  const changes: Partial<IpBlockRow> = { updated_at: now.toISOString() }
  if (cidr) changes.ip = cidr.text
  if (input.severity !== undefined) changes.severity = input.severity as IpBlockSeverity
  if (input.comment !== undefined) changes.comment = input.comment.trim()
  if (input.expiresIn !== undefined) {
    changes.expires_at = input.expiresIn ? new Date(now.getTime() + input.expiresIn * 1000).toISOString() : null
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('ip_blocks').set(changes).where('id', '=', id).execute()
    await recordAudit(ctx, trx, actor, {
      action: 'ip_block.update',
      target: { type: 'ip_block', id, label: changes.ip ?? before.ip },
      before,
      after: changes,
    })
  })
  return findIpBlock(ctx, id)
}

export async function deleteIpBlock(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const before = await findIpBlock(ctx, id)
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('ip_blocks').where('id', '=', id).execute()
    await recordAudit(ctx, trx, actor, {
      action: 'ip_block.delete',
      target: { type: 'ip_block', id, label: before.ip },
      before,
    })
  })
}

/** Called by sign-up (web and app): refuses blocked domains and ranges; says when approval is needed. */
export async function checkSignUpAllowed(
  ctx: AppContext,
  input: { email: string; ip: string | null },
): Promise<{ requireApproval: boolean }> {
  const policy = await ipPolicy(ctx, input.ip)
  if (policy === 'no_access' || policy === 'sign_up_block') {
    throw new AppError('forbidden', 'Sign-ups are not allowed from your network', { reason: 'ip_blocked' })
  }
  if (await findBlockedEmailDomain(ctx.db, input.email)) {
    throw validationError({ email: 'Sign-ups with this email provider are not allowed' })
  }
  return { requireApproval: policy === 'sign_up_requires_approval' }
}
