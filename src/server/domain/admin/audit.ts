// The audit log: every administrative and moderation action, who did it, to what, and the
// state before and after. Append-only: this module only inserts and reads, and the database
// refuses UPDATE and DELETE on the table (see the moderation migration).
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { AuditLogRow } from '../../db/schema.ts'
import type { Viewer } from '../auth/viewer.ts'

/** The one who acted: a viewer (with the request's IP), or null for the system itself. */
export type Actor = { viewer: Viewer; ip: string | null } | null

export type AuditEntry = {
  action: string
  target: { type: string; id: string; label?: string }
  before?: unknown
  after?: unknown
}

export async function recordAudit(ctx: AppContext, db: Db, actor: Actor, entry: AuditEntry): Promise<AuditLogRow> {
  const now = ctx.clock.now()
  const row: AuditLogRow = {
    id: newId(now),
    actor_account_id: actor?.viewer.account.id ?? null,
    actor_username: actor?.viewer.account.username ?? 'system',
    action: entry.action,
    target_type: entry.target.type,
    target_id: entry.target.id,
    target_label: entry.target.label ?? '',
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: actor?.ip ?? null,
    created_at: now.toISOString(),
  }
  await db.insertInto('audit_log').values(row).execute()
  return row
}

export type AuditQuery = {
  q?: string
  action?: string
  actorId?: string
  targetType?: string
  targetId?: string
  maxId?: string | null
  limit: number
}

/** Newest first; `q` matches the action, either username label or the target id. */
export async function listAudit(ctx: AppContext, query: AuditQuery): Promise<AuditLogRow[]> {
  let q = ctx.db.selectFrom('audit_log').selectAll()
  if (query.action) q = q.where('action', '=', query.action)
  if (query.actorId) q = q.where('actor_account_id', '=', query.actorId)
  if (query.targetType) q = q.where('target_type', '=', query.targetType)
  if (query.targetId) q = q.where('target_id', '=', query.targetId)
  if (query.maxId) q = q.where('id', '<', query.maxId)
  const needle = query.q?.trim()
  if (needle) {
    q = q.where((eb) =>
      eb.or([
        ctx.dialect.contains('action', needle),
        ctx.dialect.contains('actor_username', needle),
        ctx.dialect.contains('target_label', needle),
        eb('target_id', '=', needle),
      ]),
    )
  }
  return q.orderBy('id', 'desc').limit(query.limit).execute()
}
