// Every call to the Kith web API goes through apiFetch: it sends the CSRF token on
// non-GET requests and turns `{error, error_code, details}` answers into an ApiError.

export const API_BASE = '/api/kith/v1'

export type ApiErrorBody = {
  error?: string
  error_code?: string
  details?: Record<string, string>
}

export class ApiError extends Error {
  name = 'ApiError'
  status: number
  code: string
  details: Record<string, string>

  constructor(status: number, body: ApiErrorBody) {
    super(body.error ?? `HTTP ${status}`)
    this.status = status
    this.code = body.error_code ?? codeForStatus(status)
    this.details = body.details ?? {}
  }
}

function codeForStatus(status: number): string {
  if (status === 0) return 'network'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 422) return 'validation_failed'
  if (status === 429) return 'rate_limited'
  return 'server_error'
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}

type Query = Record<string, string | undefined | null>

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  query?: Query
}

// Called when the server says the session is gone (revoked elsewhere, expired), so the
// app can forget the user and guarded pages send the person to sign in.
let onSessionLost: (() => void) | null = null
export function setSessionLostHandler(handler: (() => void) | null) {
  onSessionLost = handler
}

// The UI language, sent as Accept-Language so the server can answer in it.
let requestLocale = ''
export function setRequestLocale(locale: string) {
  requestLocale = locale
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options)
  // NOTE: the server sets kith_csrf on any response when it is missing, so a first
  // non-GET request may race it; retrying once with the fresh cookie covers that.
  if (res.status === 403 && (options.method ?? 'GET') !== 'GET') {
    const body = await readBody(res)
    if (body.error_code === 'csrf' && readCookie('kith_csrf')) return parse<T>(await send(path, options))
    throw new ApiError(res.status, body)
  }
  return parse<T>(res)
}

async function send(path: string, { method = 'GET', body, query }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (requestLocale) headers['Accept-Language'] = requestLocale
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') {
    const token = readCookie('kith_csrf')
    if (token) headers['X-CSRF-Token'] = token
  }
  try {
    return await fetch(withQuery(`${API_BASE}${path}`, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, {})
  }
}

function withQuery(url: string, query?: Query): string {
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, value)
  }
  const qs = params.toString()
  return qs ? `${url}?${qs}` : url
}

async function readBody(res: Response): Promise<ApiErrorBody> {
  try {
    const body = await res.json()
    return body && typeof body === 'object' ? (body as ApiErrorBody) : {}
  } catch {
    return {}
  }
}

async function parse<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const error = new ApiError(res.status, await readBody(res))
    if (res.status === 401 && (error.code === 'session_required' || error.code === 'unauthorized')) onSessionLost?.()
    throw error
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}
