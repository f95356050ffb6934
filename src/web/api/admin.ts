// The admin and moderation API the /admin area calls (contract: docs/api-admin.md).
import type { AdminAccount, AdminReport } from '#shared/mastodon-admin.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { API_BASE, ApiError, type ApiErrorBody, apiFetch, readCookie } from './client.ts'
import { mastodonCall, type Rule } from './reports.ts'

export type { AdminAccount, AdminReport, Rule, Status }

export type Permission =
  | 'view_dashboard'
  | 'view_audit_log'
  | 'manage_users'
  | 'manage_reports'
  | 'manage_appeals'
  | 'manage_settings'
  | 'manage_rules'
  | 'manage_filters'
  | 'manage_invites'
  | 'manage_roles'
  | 'delete_user_data'

// ---------- Dashboard ----------
export type Series = { date: string; value: number }[]
export type Dashboard = {
  period: { start: string; days: number }
  new_users: { total: number; series: Series }
  active_users: { daily: number; weekly: number; monthly: number; series: Series }
  posts: { total: number; series: Series }
  interactions: { total: number; series: Series }
  reports: {
    open: number
    opened: number
    resolved: number
    opened_series: Series
    resolved_series: Series
    median_resolution_seconds: number | null
  }
  storage: { media_bytes: number; database_bytes: number; evidence_bytes: number }
}

export function getDashboard(days = 30): Promise<Dashboard> {
  return apiFetch('/admin/dashboard', { query: { days: String(days) } })
}

// ---------- Settings ----------
export type RateLimitAction = 'posting' | 'following' | 'friend_requests' | 'messages' | 'sign_ups'
export const rateLimitActions: RateLimitAction[] = ['posting', 'following', 'friend_requests', 'messages', 'sign_ups']
export type RateLimits = Record<RateLimitAction, { max: number; window_s: number }>

export type AdminSettings = {
  name: string
  description: string
  registration_mode: 'open' | 'approval' | 'invite' | 'closed'
  brand_color: string
  logo_url: string | null
  favicon_url: string | null
  default_theme: 'system' | 'light' | 'dark'
  default_locale: string
  post_max_chars: number
  contact_email: string
  approval_prompt: string
  page_about: string
  page_terms: string
  page_privacy: string
  media_max_attachments: number
  media_max_image_mb: number
  media_description_limit: number
  invites_allowed: 'everyone' | 'moderators' | 'admins'
  invite_max_uses_default: number | null
  invite_expiry_days_default: number | null
  email_from_name: string
  email_reply_to: string
  email_footer: string
  rate_limits: RateLimits
  email_transport: { smtp: boolean; mail_from: string }
}
export type SettingsChanges = Partial<Omit<AdminSettings, 'logo_url' | 'favicon_url' | 'email_transport'>>

export function getSettings(): Promise<AdminSettings> {
  return apiFetch('/admin/settings')
}

export function updateSettings(changes: SettingsChanges): Promise<AdminSettings> {
  return apiFetch('/admin/settings', { method: 'PATCH', body: changes })
}

/** Multipart upload of the logo or favicon (field `file`); apiFetch only sends JSON. */
export async function uploadSiteImage(kind: 'logo' | 'favicon', file: File): Promise<AdminSettings> {
  const form = new FormData()
  form.append('file', file)
  const headers: Record<string, string> = { Accept: 'application/json' }
  const token = readCookie('kith_csrf')
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(`${API_BASE}/admin/settings/${kind}`, {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, {})
  }
  if (!res.ok) {
    let body: ApiErrorBody = {}
    try {
      body = (await res.json()) as ApiErrorBody
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(res.status, body)
  }
  return (await res.json()) as AdminSettings
}

export function removeSiteImage(kind: 'logo' | 'favicon'): Promise<AdminSettings> {
  return apiFetch(`/admin/settings/${kind}`, { method: 'DELETE' })
}

export function sendTestEmail(to?: string): Promise<{ queued: true; to: string }> {
  return apiFetch('/admin/settings/test_email', { method: 'POST', body: to ? { to } : {} })
}

export type PageSlug = 'about' | 'terms' | 'privacy'
export function getPage(slug: PageSlug): Promise<{ slug: string; markdown: string; html: string }> {
  return apiFetch(`/pages/${slug}`)
}

// ---------- Rules ----------
export type AdminRule = Rule & { position?: number }

export function listRules(): Promise<AdminRule[]> {
  return apiFetch('/admin/rules')
}
export function createRule(input: { text: string; hint?: string }): Promise<AdminRule> {
  return apiFetch('/admin/rules', { method: 'POST', body: input })
}
export function updateRule(id: string, input: { text?: string; hint?: string; position?: number }): Promise<AdminRule> {
  return apiFetch(`/admin/rules/${id}`, { method: 'PATCH', body: input })
}
export function deleteRule(id: string): Promise<{ ok: true }> {
  return apiFetch(`/admin/rules/${id}`, { method: 'DELETE' })
}

// ---------- Roles ----------
export type AdminRole = {
  id: string
  name: string
  color: string
  builtin: 0 | 1
  permissions: Permission[]
}
export function listRoles(): Promise<{ permissions: Permission[]; roles: AdminRole[] }> {
  return apiFetch('/admin/roles')
}
export function setRole(accountId: string, input: { role?: 'admin' | 'moderator' | 'user'; role_id?: string | null }) {
  return apiFetch<AdminAccount>(`/admin/people/${accountId}/role`, { method: 'PUT', body: input })
}

// ---------- People ----------
export type PeopleStatus =
  | 'new'
  | 'pending'
  | 'reported'
  | 'suspended'
  | 'limited'
  | 'disabled'
  | 'sensitized'
  | 'active'
export type PeopleQuery = {
  status?: PeopleStatus
  role?: 'owner' | 'admin' | 'moderator' | 'user' | 'staff'
  q?: string
  email?: string
  email_domain?: string
  ip?: string
  max_id?: string
  limit?: number
}

export function listPeople(query: PeopleQuery): Promise<AdminAccount[]> {
  const q: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q[k] = String(v)
  return apiFetch('/admin/people', { query: q })
}

export type Warning = {
  id: string
  account_id: string
  action: string
  text: string
  rule_ids: string
  report_id: string | null
  post_ids: string
  created_by_account_id: string | null
  overturned_at: string | null
  created_at: string
}
export type ModeratorNote = {
  id: string
  account_id: string
  author_account_id: string | null
  text: string
  created_at: string
}
export type AdminSession = {
  id: string
  ip: string
  user_agent: string
  created_at: string
  last_seen_at: string
  revoked_at: string | null
}
export type PersonDetail = {
  account: AdminAccount
  recent_posts: Status[]
  reports_against: AdminReport[]
  reports_by: AdminReport[]
  warnings: Warning[]
  notes: ModeratorNote[]
  sessions: AdminSession[]
  ips: { ip: string; used_at: string }[]
}

export function getPerson(id: string): Promise<PersonDetail> {
  return apiFetch(`/admin/people/${id}`)
}
export function addNote(id: string, text: string): Promise<ModeratorNote> {
  return apiFetch(`/admin/people/${id}/notes`, { method: 'POST', body: { text } })
}
export function deleteNote(noteId: string): Promise<{ ok: true }> {
  return apiFetch(`/admin/notes/${noteId}`, { method: 'DELETE' })
}
export function approvePerson(id: string): Promise<AdminAccount> {
  return apiFetch(`/admin/people/${id}/approve`, { method: 'POST', body: {} })
}
export function rejectPerson(id: string): Promise<{ ok: true }> {
  return apiFetch(`/admin/people/${id}/reject`, { method: 'POST', body: {} })
}

export type AccountAction =
  | 'warn'
  | 'limit'
  | 'suspend'
  | 'disable'
  | 'sensitive'
  | 'delete_account'
  | 'unlimit'
  | 'unsuspend'
  | 'enable'
  | 'unsensitive'
export type ActionInput = {
  text?: string
  rule_ids?: string[]
  duration_days?: number
  send_email_notification?: boolean
}

export function actOnPerson(
  id: string,
  action: AccountAction,
  input: ActionInput = {},
): Promise<{ account?: AdminAccount; warning?: Warning | null; deleted?: true }> {
  return apiFetch(`/admin/people/${id}/actions`, { method: 'POST', body: { action, ...input } })
}

// ---------- Reports queue ----------
export type QueueItem =
  | {
      kind: 'report'
      severity: number
      since: string
      target_key: string
      reports_count: number
      assigned_account_id: string | null
      latest_report: AdminReport | null
    }
  | {
      kind: 'appeal'
      severity: number
      since: string
      appeal: {
        id: string
        warning_id: string
        account_id: string
        text: string
        status: string
        created_at: string
      }
      account: AdminAccount | null
    }
  | {
      kind: 'held_post'
      severity: number
      since: string
      post: {
        id: string
        account_id: string
        text: string
        content_html: string
        spoiler_text: string
        visibility: string
        created_at: string
        held_at: string | null
      }
      account: AdminAccount | null
    }

export function listQueue(query: {
  kind?: 'report' | 'appeal' | 'held_post'
  assigned?: 'me' | 'unassigned'
}): Promise<QueueItem[]> {
  return apiFetch('/admin/queue', { query: { ...query, limit: '100' } })
}

export type Evidence = {
  id: string
  report_id: string
  post_id: string
  account_id: string
  username: string
  text: string
  content_html: string
  spoiler_text: string
  visibility: string
  sensitive: boolean
  in_reply_to_id: string | null
  posted_at: string
  captured_at: string
  media: { id: string; type: string; description: string; original_url: string; evidence_url: string }[]
}
export type ReportDetail = {
  report: AdminReport
  group: AdminReport[]
  evidence: Evidence[]
  resolution_note: string
}

export function getReport(id: string): Promise<ReportDetail> {
  return apiFetch(`/admin/reports/${id}`)
}
export function assignReport(id: string, accountId: string | null): Promise<AdminReport> {
  return apiFetch(`/admin/reports/${id}/assign`, { method: 'POST', body: { account_id: accountId } })
}

export const reportActions = [
  'dismiss',
  'remove_content',
  'mark_sensitive',
  'warn',
  'limit',
  'suspend',
  'delete_account',
] as const
export type ReportAction = (typeof reportActions)[number]

export function decideReport(
  id: string,
  input: ActionInput & { action: ReportAction; status_ids?: string[]; note?: string },
): Promise<AdminReport> {
  return apiFetch(`/admin/reports/${id}/decide`, { method: 'POST', body: input })
}
export function reopenReport(id: string): Promise<AdminReport> {
  return apiFetch(`/admin/reports/${id}/reopen`, { method: 'POST', body: {} })
}
export function decideHeldPost(id: string, decision: 'approve' | 'reject'): Promise<{ ok: true }> {
  return apiFetch(`/admin/held_posts/${id}/${decision}`, { method: 'POST', body: {} })
}
export function decideAppeal(id: string, decision: 'approve' | 'reject'): Promise<unknown> {
  return apiFetch(`/admin/appeals/${id}/${decision}`, { method: 'POST', body: {} })
}

// ---------- Filters ----------
export type ContentFilter = {
  id: string
  pattern: string
  kind: 'word' | 'regex'
  action: 'block' | 'flag'
  created_at: string
}
export function listContentFilters(): Promise<ContentFilter[]> {
  return apiFetch('/admin/content_filters')
}
export function createContentFilter(input: Pick<ContentFilter, 'pattern' | 'kind' | 'action'>): Promise<ContentFilter> {
  return apiFetch('/admin/content_filters', { method: 'POST', body: input })
}
export function deleteContentFilter(id: string): Promise<{ ok: true }> {
  return apiFetch(`/admin/content_filters/${id}`, { method: 'DELETE' })
}

export type EmailDomainBlock = { id: string; domain: string; created_at: string }
export function listEmailDomainBlocks(): Promise<EmailDomainBlock[]> {
  return mastodonCall('/api/v1/admin/email_domain_blocks?limit=200')
}
export function createEmailDomainBlock(domain: string): Promise<EmailDomainBlock> {
  return mastodonCall('/api/v1/admin/email_domain_blocks', 'POST', { domain })
}
export function deleteEmailDomainBlock(id: string): Promise<unknown> {
  return mastodonCall(`/api/v1/admin/email_domain_blocks/${id}`, 'DELETE')
}

export const ipSeverities = ['sign_up_requires_approval', 'sign_up_block', 'no_access'] as const
export type IpSeverity = (typeof ipSeverities)[number]
export type IpBlock = {
  id: string
  ip: string
  severity: IpSeverity
  comment: string
  created_at: string
  expires_at: string | null
}
export function listIpBlocks(): Promise<IpBlock[]> {
  return mastodonCall('/api/v1/admin/ip_blocks?limit=200')
}
export function createIpBlock(input: {
  ip: string
  severity: IpSeverity
  comment?: string
  expires_in?: number | null
}): Promise<IpBlock> {
  return mastodonCall('/api/v1/admin/ip_blocks', 'POST', input)
}
export function deleteIpBlock(id: string): Promise<unknown> {
  return mastodonCall(`/api/v1/admin/ip_blocks/${id}`, 'DELETE')
}

// ---------- Invitations ----------
export type Invite = {
  id: string
  code: string
  url: string
  user_id: string
  max_uses: number | null
  uses: number
  expires_at: string | null
  created_at: string
  expired: boolean
}
export function listAllInvites(): Promise<Invite[]> {
  return apiFetch('/admin/invites')
}
export function createInvite(input: { max_uses: number | null; expires_in_days: number | null }): Promise<Invite> {
  return apiFetch('/invites', { method: 'POST', body: input })
}
export function revokeInvite(id: string): Promise<Invite> {
  return apiFetch(`/invites/${id}`, { method: 'DELETE' })
}

// ---------- Audit log ----------
export type AuditEntry = {
  id: string
  actor: { id: string; username: string } | null
  action: string
  target: { type: string; id: string; label: string }
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  ip: string | null
  created_at: string
}
export function listAudit(query: { q?: string; max_id?: string; limit?: number }): Promise<AuditEntry[]> {
  return apiFetch('/admin/audit_log', {
    query: { q: query.q || undefined, max_id: query.max_id, limit: String(query.limit ?? 50) },
  })
}
