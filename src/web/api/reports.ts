// Reporting (Mastodon's POST /api/v1/reports, with Kith's categories) and the small helper the
// admin client shares for the Mastodon paths, which live outside /api/kith/v1.
import type { Report } from '#shared/mastodon-admin.ts'
import type { Rule } from '#shared/mastodon-entities.ts'
import type { Status } from '#shared/mastodon-statuses.ts'
import { ApiError, type ApiErrorBody, readCookie } from './client.ts'

export type { Report, Rule, Status }

/** Kith's report categories, gravest first as the moderation queue orders them. */
export const reportCategories = [
  'spam',
  'harassment',
  'violence',
  'terrorism',
  'child_safety',
  'illegal',
  'other',
] as const
export type ReportCategory = (typeof reportCategories)[number]

export type NewReport = {
  account_id: string
  status_ids?: string[]
  comment?: string
  category: ReportCategory
  rule_ids?: string[]
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

async function send(path: string, method: Method, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const lang = document.documentElement.lang
  if (lang) headers['Accept-Language'] = lang
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const token = method === 'GET' ? null : readCookie('kith_csrf')
  if (token) headers['X-CSRF-Token'] = token
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, {})
  }
}

async function errorBody(res: Response): Promise<ApiErrorBody> {
  try {
    const body = await res.json()
    return body && typeof body === 'object' ? (body as ApiErrorBody) : {}
  } catch {
    return {}
  }
}

/** A call to the Mastodon client API with the session cookie (and the CSRF token on writes). */
export async function mastodonCall<T>(path: string, method: Method = 'GET', body?: unknown): Promise<T> {
  let res = await send(path, method, body)
  // NOTE: as in apiFetch, the very first write may race the CSRF cookie; one retry covers it.
  if (res.status === 403 && method !== 'GET') {
    const err = await errorBody(res)
    if (err.error_code !== 'csrf' || !readCookie('kith_csrf')) throw new ApiError(res.status, err)
    res = await send(path, method, body)
  }
  if (!res.ok) throw new ApiError(res.status, await errorBody(res))
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export function fileReport(input: NewReport): Promise<Report> {
  return mastodonCall<Report>('/api/v1/reports', 'POST', input)
}

export function listSiteRules(): Promise<Rule[]> {
  return mastodonCall<Rule[]>('/api/v1/instance/rules')
}

/** The person's latest posts, offered as evidence when reporting them or one of their posts. */
export function listAccountStatuses(accountId: string, limit = 10): Promise<Status[]> {
  return mastodonCall<Status[]>(`/api/v1/accounts/${encodeURIComponent(accountId)}/statuses?limit=${limit}`)
}
