// Admin entities: people (Admin::Account) and reports (Admin::Report, Report), batched.
import type { AdminAccount, AdminReport, Report } from '#shared/mastodon-admin.ts'
import type { AppContext } from '../../../context.ts'
import type { ReportRow } from '../../../db/schema.ts'
import { findPerson, listUserIps, type Person } from '../../../domain/admin/people-store.ts'
import type { Viewer } from '../../../domain/auth/viewer.ts'
import { findPostsByIds } from '../../../domain/posts/posts-store.ts'
import { splitIds, toMastodonCategory } from '../../../domain/reports/categories.ts'
import { listEvidence } from '../../../domain/reports/reports-store.ts'
import { presentAccounts, presentRole } from './accounts.ts'
import { presentStatuses } from './statuses.ts'

export async function presentAdminAccounts(ctx: AppContext, viewer: Viewer, people: Person[]): Promise<AdminAccount[]> {
  const [accounts, ips] = await Promise.all([
    presentAccounts(
      ctx,
      viewer,
      people.map((p) => p.account),
    ),
    listUserIps(
      ctx.db,
      people.map((p) => p.user?.id).filter((id): id is string => !!id),
    ),
  ])
  const inviters = await inviterIds(ctx, people)
  return people.map(({ account, user }, i) => {
    const userIps = (user && ips.get(user.id)) || []
    return {
      id: account.id,
      username: account.username,
      domain: null,
      created_at: account.created_at,
      email: user?.email ?? '',
      ip: userIps[0]?.ip ?? user?.sign_up_ip ?? null,
      ips: userIps,
      locale: user?.locale ?? 'en',
      invite_request: user?.sign_up_reason ?? null,
      role: presentRole(user ?? { role: 'user' }),
      confirmed: !!user?.confirmed_at,
      approved: user?.approved === 1,
      disabled: !!user?.disabled_at,
      silenced: !!account.limited_at,
      suspended: !!account.suspended_at,
      sensitized: !!account.sensitized_at,
      account: accounts[i]!,
      created_by_application_id: null,
      invited_by_account_id: (user?.invite_id && inviters.get(user.invite_id)) || null,
      limited: !!account.limited_at,
      suspended_until: account.suspended_until ?? null,
      custom_role_id: user?.custom_role_id ?? null,
    }
  })
}

async function inviterIds(ctx: AppContext, people: Person[]): Promise<Map<string, string>> {
  const inviteIds = people.map((p) => p.user?.invite_id).filter((id): id is string => !!id)
  if (inviteIds.length === 0) return new Map()
  const rows = await ctx.db
    .selectFrom('invites')
    .innerJoin('users', 'users.id', 'invites.user_id')
    .select(['invites.id', 'users.account_id'])
    .where('invites.id', 'in', inviteIds)
    .execute()
  return new Map(rows.map((r) => [r.id, r.account_id]))
}

export async function presentAdminAccount(ctx: AppContext, viewer: Viewer, person: Person): Promise<AdminAccount> {
  return (await presentAdminAccounts(ctx, viewer, [person]))[0]!
}

export async function presentAdminReports(
  ctx: AppContext,
  viewer: Viewer,
  reports: ReportRow[],
): Promise<AdminReport[]> {
  if (reports.length === 0) return []
  const accountIds = [
    ...new Set(
      reports
        .flatMap((r) => [r.account_id, r.target_account_id, r.assigned_account_id, r.action_taken_by_account_id])
        .filter((id): id is string => !!id),
    ),
  ]
  const people = (await Promise.all(accountIds.map((id) => findPerson(ctx.db, id)))).filter((p): p is Person => !!p)
  const presented = await presentAdminAccounts(ctx, viewer, people)
  const byId = new Map(presented.map((a) => [a.id, a]))
  const evidence = await listEvidence(
    ctx.db,
    reports.map((r) => r.id),
  )
  // Moderators see reported posts whatever their audience; deleted ones live on in the evidence.
  const posts = await findPostsByIds(ctx.db, [...new Set(evidence.map((e) => e.post_id))])
  const statuses = new Map((await presentStatuses(ctx, viewer, posts)).map((s) => [s.id, s]))
  const ruleIds = [...new Set(reports.flatMap((r) => splitIds(r.rule_ids)))]
  const rules = ruleIds.length
    ? await ctx.db.selectFrom('rules').select(['id', 'text', 'hint']).where('id', 'in', ruleIds).execute()
    : []
  const get = (id: string | null) => (id ? (byId.get(id) ?? null) : null)
  return reports.map((r) => ({
    id: r.id,
    action_taken: r.action_taken_at !== null,
    action_taken_at: r.action_taken_at,
    category: toMastodonCategory(r.category, splitIds(r.rule_ids)),
    comment: r.comment,
    forwarded: false,
    created_at: r.created_at,
    updated_at: r.updated_at,
    account: get(r.account_id),
    target_account: get(r.target_account_id),
    assigned_account: get(r.assigned_account_id),
    action_taken_by_account: get(r.action_taken_by_account_id),
    statuses: evidence.filter((e) => e.report_id === r.id).flatMap((e) => statuses.get(e.post_id) ?? []),
    rules: rules.filter((rule) => splitIds(r.rule_ids).includes(rule.id)),
    kith_category: r.category,
    target_type: r.target_type,
    target_id: r.target_id,
    resolution: r.resolution,
  }))
}

/** The reporter's view of their report (POST /api/v1/reports). */
export async function presentReport(
  ctx: AppContext,
  viewer: Viewer,
  r: ReportRow,
  statusIds: string[],
): Promise<Report> {
  const target = (await findPerson(ctx.db, r.target_account_id ?? ''))!
  const [account] = await presentAccounts(ctx, viewer, [target.account])
  return {
    id: r.id,
    action_taken: r.action_taken_at !== null,
    action_taken_at: r.action_taken_at,
    category: toMastodonCategory(r.category, splitIds(r.rule_ids)),
    comment: r.comment,
    forwarded: false,
    created_at: r.created_at,
    status_ids: statusIds,
    rule_ids: splitIds(r.rule_ids),
    target_account: account!,
  }
}
