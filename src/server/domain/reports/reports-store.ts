import type { Db } from '../../db/connect.ts'
import type { AccountRow, MediaRow, ReportEvidenceRow, ReportRow } from '../../db/schema.ts'

export async function findAccountForReport(db: Db, id: string): Promise<AccountRow | undefined> {
  if (!/^\d{1,20}$/.test(id)) return undefined
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertReport(db: Db, row: ReportRow): Promise<void> {
  await db.insertInto('reports').values(row).execute()
}

export async function insertEvidence(db: Db, row: ReportEvidenceRow): Promise<void> {
  await db.insertInto('report_evidence').values(row).execute()
}

export async function listMediaForEvidence(db: Db, postIds: string[]): Promise<Map<string, MediaRow[]>> {
  const out = new Map<string, MediaRow[]>()
  if (postIds.length === 0) return out
  const rows = await db
    .selectFrom('media_attachments')
    .selectAll()
    .where('post_id', 'in', postIds)
    .orderBy('position')
    .execute()
  for (const m of rows) out.set(m.post_id!, [...(out.get(m.post_id!) ?? []), m])
  return out
}

export async function findReportById(db: Db, id: string): Promise<ReportRow | undefined> {
  if (!/^\d{1,20}$/.test(id)) return undefined
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listOpenReportsByKey(db: Db, targetKey: string): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('target_key', '=', targetKey)
    .where('action_taken_at', 'is', null)
    .orderBy('id')
    .execute()
}

export async function listReportsByKey(db: Db, targetKey: string): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('target_key', '=', targetKey)
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
}

export async function listEvidence(db: Db, reportIds: string[]): Promise<ReportEvidenceRow[]> {
  if (reportIds.length === 0) return []
  return db.selectFrom('report_evidence').selectAll().where('report_id', 'in', reportIds).orderBy('id').execute()
}

export type ReportGroupRow = {
  target_key: string
  severity: number
  first_at: string
  reports_count: number
  assigned_account_id: string | null
  latest_report_id: string
}

export async function listOpenGroups(db: Db, limit: number): Promise<ReportGroupRow[]> {
  const rows = await db
    .selectFrom('reports')
    .select((eb) => [
      'target_key',
      eb.fn.max('severity').as('severity'),
      eb.fn.min('created_at').as('first_at'),
      eb.fn.countAll<number>().as('reports_count'),
      eb.fn.max('assigned_account_id').as('assigned_account_id'),
      eb.fn.max('id').as('latest_report_id'),
    ])
    .where('action_taken_at', 'is', null)
    .groupBy('target_key')
    .orderBy('severity', 'desc')
    .orderBy('first_at')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, severity: Number(r.severity), reports_count: Number(r.reports_count) }))
}

export async function updateOpenReports(
  db: Db,
  targetKey: string,
  changes: Partial<
    Pick<
      ReportRow,
      | 'assigned_account_id'
      | 'action_taken_at'
      | 'action_taken_by_account_id'
      | 'resolution'
      | 'resolution_note'
      | 'updated_at'
    >
  >,
): Promise<number> {
  const r = await db
    .updateTable('reports')
    .set(changes)
    .where('target_key', '=', targetKey)
    .where('action_taken_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function updateReport(db: Db, id: string, changes: Partial<ReportRow>): Promise<void> {
  await db.updateTable('reports').set(changes).where('id', '=', id).execute()
}

export type ReportListQuery = {
  resolved?: boolean
  accountId?: string
  targetAccountId?: string
  maxId?: string | null
  sinceId?: string | null
  minId?: string | null
  limit: number
}

export async function listReports(db: Db, q: ReportListQuery): Promise<ReportRow[]> {
  let query = db.selectFrom('reports').selectAll()
  if (q.resolved !== undefined) query = query.where('action_taken_at', q.resolved ? 'is not' : 'is', null)
  if (q.accountId) query = query.where('account_id', '=', q.accountId)
  if (q.targetAccountId) query = query.where('target_account_id', '=', q.targetAccountId)
  if (q.maxId) query = query.where('id', '<', q.maxId)
  if (q.sinceId) query = query.where('id', '>', q.sinceId)
  if (q.minId) {
    const rows = await query.where('id', '>', q.minId).orderBy('id', 'asc').limit(q.limit).execute()
    return rows.reverse()
  }
  return query.orderBy('id', 'desc').limit(q.limit).execute()
}
