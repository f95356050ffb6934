// Filing a report (POST /api/v1/reports). The reported posts are copied into the report at once
// (text, HTML, media, author), and their photos into a private evidence folder, so the evidence
// survives when the author, or a moderator, deletes them.
import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { PostRow, ReportEvidenceRow, ReportRow, ReportTargetType } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { mediaRoot, mediaUrl } from '../media/storage.ts'
import { findVisiblePosts } from '../posts/posts-store.ts'
import { SEVERITY, toCategory } from './categories.ts'
import { findAccountForReport, insertEvidence, insertReport, listMediaForEvidence } from './reports-store.ts'

export const REPORT_COMMENT_MAX = 1000
export const REPORT_MAX_POSTS = 50

export type NewReport = {
  accountId: string
  postIds?: string[]
  comment?: string
  category?: string | null
  ruleIds?: string[]
  /** Kith targets beyond accounts and posts (groups, pages, messages) arrive with their features. */
  target?: { type: ReportTargetType; id: string }
}

export type EvidenceMedia = {
  id: string
  type: string
  url: string
  preview_url: string
  description: string
  file: string
}

export function evidenceDir(ctx: AppContext, reportId: string): string {
  return path.join(ctx.config.dataDir, 'evidence', reportId)
}

export async function fileReport(ctx: AppContext, viewer: Viewer, input: NewReport): Promise<ReportRow> {
  const category = toCategory(input.category)
  const comment = (input.comment ?? '').trim()
  const postIds = [...new Set(input.postIds ?? [])]
  const ruleIds = [...new Set(input.ruleIds ?? [])]
  if (!category) throw validationError({ category: 'Unknown category' })
  if (comment.length > REPORT_COMMENT_MAX) {
    throw validationError({ comment: `Comment must be at most ${REPORT_COMMENT_MAX} characters` })
  }
  if (postIds.length > REPORT_MAX_POSTS) throw validationError({ status_ids: `At most ${REPORT_MAX_POSTS} posts` })
  const target = await findAccountForReport(ctx.db, input.accountId)
  if (!target) throw new AppError('not_found', 'Record not found')
  if (target.id === viewer.account.id) throw validationError({ account_id: 'You cannot report yourself' })

  // Only posts the reporter can see, written by the reported person.
  const posts = await findVisiblePosts(ctx.db, viewer.account.id, postIds)
  const byId = new Map(posts.filter((p) => p.account_id === target.id).map((p) => [p.id, p]))
  const missing = postIds.filter((id) => !byId.has(id))
  if (missing.length > 0) throw validationError({ status_ids: `Unknown posts: ${missing.join(', ')}` })
  if (ruleIds.length > 0) {
    const known = await ctx.db.selectFrom('rules').select('id').where('id', 'in', ruleIds).execute()
    if (known.length !== ruleIds.length) throw validationError({ rule_ids: 'Unknown rules' })
  }

  const targetRef = input.target ?? postTarget(postIds.length === 1 ? byId.get(postIds[0]!)! : null, target.id)
  const now = ctx.clock.now()
  const iso = now.toISOString()
  const report: ReportRow = {
    id: newId(now),
    account_id: viewer.account.id,
    target_type: targetRef.type,
    target_id: targetRef.id,
    target_key: `${targetRef.type}:${targetRef.id}`,
    target_account_id: target.id,
    category,
    severity: SEVERITY[category],
    comment,
    rule_ids: ruleIds.join(' '),
    forwarded: 0,
    assigned_account_id: null,
    action_taken_at: null,
    action_taken_by_account_id: null,
    resolution: null,
    resolution_note: '',
    created_at: iso,
    updated_at: iso,
  }
  const ordered = postIds.map((id) => byId.get(id)!)
  const media = await listMediaForEvidence(ctx.db, postIds)
  const evidence = ordered.map((p): ReportEvidenceRow & { files: { from: string; to: string }[] } => {
    const items = (media.get(p.id) ?? []).map((m) => ({
      id: m.id,
      type: m.type,
      url: mediaUrl(ctx, `${m.file_key}/original.webp`),
      preview_url: mediaUrl(ctx, `${m.file_key}/small.webp`),
      description: m.description,
      file: `${m.id}.webp`,
      from: path.join(mediaRoot(ctx), m.file_key, 'original.webp'),
    }))
    return {
      id: newId(now),
      report_id: report.id,
      post_id: p.id,
      account_id: p.account_id,
      username: target.username,
      text: p.text,
      content_html: p.content_html,
      spoiler_text: p.spoiler_text,
      visibility: p.visibility,
      sensitive: p.sensitive,
      in_reply_to_id: p.in_reply_to_id,
      media: JSON.stringify(items.map(({ from: _from, ...rest }) => rest)),
      posted_at: p.created_at,
      captured_at: iso,
      files: items.map((i) => ({ from: i.from, to: i.file })),
    }
  })
  // Photos first: a report row never points at evidence that failed to copy.
  const dir = evidenceDir(ctx, report.id)
  for (const e of evidence) {
    for (const f of e.files) {
      await mkdir(dir, { recursive: true })
      await copyFile(f.from, path.join(dir, f.to)).catch((err) => ctx.log.warn({ err }, 'evidence photo not copied'))
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertReport(trx, report)
    for (const { files: _files, ...row } of evidence) await insertEvidence(trx, row)
  })
  // TODO(notifications issue): tell staff in-app that a report arrived (admin.report notification).
  return report
}

function postTarget(post: PostRow | null, accountId: string): { type: ReportTargetType; id: string } {
  if (!post) return { type: 'account', id: accountId }
  return { type: post.in_reply_to_id ? 'comment' : 'post', id: post.id }
}
