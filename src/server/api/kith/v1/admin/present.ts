// Kith admin JSON: rows mapped field by field, so no secret (password or token hashes, TOTP seeds)
// can reach a response. NOTE: Kith admin routes declare loose response schemas (`Loose`), so this
// explicit mapping is what keeps unknown fields off the wire.
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import type { AppealRow, AuditLogRow, PostRow, ReportEvidenceRow, SessionRow } from '../../../../db/schema.ts'

export const Loose = Type.Object({}, { additionalProperties: true })
export const LooseList = Type.Array(Loose)
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })

export const presentSession = (s: SessionRow) => ({
  id: s.id,
  ip: s.ip,
  user_agent: s.user_agent,
  created_at: s.created_at,
  last_seen_at: s.last_seen_at,
  revoked_at: s.revoked_at,
})

export const presentAudit = (a: AuditLogRow) => ({
  id: a.id,
  actor: a.actor_account_id ? { id: a.actor_account_id, username: a.actor_username } : null,
  action: a.action,
  target: { type: a.target_type, id: a.target_id, label: a.target_label },
  before: a.before === null ? null : JSON.parse(a.before),
  after: a.after === null ? null : JSON.parse(a.after),
  ip: a.ip,
  created_at: a.created_at,
})

export const presentEvidence = (ctx: AppContext, e: ReportEvidenceRow) => ({
  id: e.id,
  report_id: e.report_id,
  post_id: e.post_id,
  account_id: e.account_id,
  username: e.username,
  text: e.text,
  content_html: e.content_html,
  spoiler_text: e.spoiler_text,
  visibility: e.visibility,
  sensitive: e.sensitive === 1,
  in_reply_to_id: e.in_reply_to_id,
  posted_at: e.posted_at,
  captured_at: e.captured_at,
  media: (JSON.parse(e.media) as { id: string; type: string; url: string; description: string; file: string }[]).map(
    (m) => ({
      id: m.id,
      type: m.type,
      description: m.description,
      original_url: m.url,
      // The private copy, served to moderators only.
      evidence_url: `${ctx.config.publicUrl}/api/kith/v1/admin/reports/${e.report_id}/evidence/${m.file}`,
    }),
  ),
})

export const presentHeldPost = (p: PostRow) => ({
  id: p.id,
  account_id: p.account_id,
  text: p.text,
  content_html: p.content_html,
  spoiler_text: p.spoiler_text,
  visibility: p.visibility,
  created_at: p.created_at,
  held_at: p.held_at ?? null,
})

export const presentAppeal = (a: AppealRow) => ({ ...a })
