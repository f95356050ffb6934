// The web app calls the Mastodon client API with its session cookie (no bearer token), so
// writes carry the CSRF token like every Kith web call. Lists come with Link-header paging.
import { ApiError, type ApiErrorBody, readCookie } from './client.ts'

type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>

export type MastodonRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  query?: Query
  headers?: Record<string, string>
  signal?: AbortSignal
}

/** One page of a list, with the cursors from its Link header (null when there is no such page). */
export type Page<T> = { items: T[]; maxId: string | null; minId: string | null }

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    // A list repeats its key: `types[]=mention&types[]=follow`.
    if (Array.isArray(value)) for (const v of value) params.append(key, v)
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

export function csrfHeaders(): Record<string, string> {
  const token = readCookie('kith_csrf')
  return token ? { 'X-CSRF-Token': token } : {}
}

async function send(path: string, { method = 'GET', body, query, headers, signal }: MastodonRequest) {
  const all: Record<string, string> = { Accept: 'application/json', ...headers }
  const lang = document.documentElement.lang
  if (lang) all['Accept-Language'] = lang
  if (body !== undefined) all['Content-Type'] = 'application/json'
  if (method !== 'GET') Object.assign(all, csrfHeaders())
  try {
    return await fetch(withQuery(path, query), {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, {})
  }
}

export async function readErrorBody(res: Response): Promise<ApiErrorBody> {
  try {
    const body = await res.json()
    return body && typeof body === 'object' ? (body as ApiErrorBody) : {}
  } catch {
    return {}
  }
}

async function request(path: string, options: MastodonRequest): Promise<Response> {
  let res = await send(path, options)
  // NOTE: as in apiFetch, the first write may race the CSRF cookie; one retry covers it.
  if (res.status === 403 && (options.method ?? 'GET') !== 'GET') {
    const body = await readErrorBody(res)
    if (body.error_code !== 'csrf' || !readCookie('kith_csrf')) throw new ApiError(res.status, body)
    res = await send(path, options)
  }
  if (!res.ok) throw new ApiError(res.status, await readErrorBody(res))
  return res
}

export async function mastodonFetch<T>(path: string, options: MastodonRequest = {}): Promise<T> {
  const res = await request(path, options)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export async function mastodonPage<T>(path: string, query?: Query, signal?: AbortSignal): Promise<Page<T>> {
  const res = await request(path, { query, signal })
  const items = (await res.json()) as T[]
  const links = parseLinkHeader(res.headers.get('link'))
  return {
    items,
    maxId: links.next?.searchParams.get('max_id') ?? null,
    minId: links.prev?.searchParams.get('min_id') ?? null,
  }
}

/** `<https://…?max_id=1>; rel="next", <…?min_id=9>; rel="prev"` → { next: URL, prev: URL }. */
export function parseLinkHeader(header: string | null): Record<string, URL> {
  const out: Record<string, URL> = {}
  if (!header) return out
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([\w-]+)"?/.exec(part.trim())
    if (!m) continue
    try {
      out[m[2]] = new URL(m[1], window.location.origin)
    } catch {
      // A malformed link is ignored, as if the page had none.
    }
  }
  return out
}

/** A random key per compose, so a retried submit is recognised and not posted twice. */
export function newIdempotencyKey(): string {
  // crypto.randomUUID needs a secure context; getRandomValues works on plain-HTTP LAN sites too.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A JSON answer that is not a plain list (grouped notifications), with its Link-header cursors. */
export async function mastodonPaged<T>(
  path: string,
  query?: Query,
  signal?: AbortSignal,
): Promise<{ body: T; maxId: string | null; minId: string | null }> {
  const res = await request(path, { query, signal })
  const body = (await res.json()) as T
  const links = parseLinkHeader(res.headers.get('link'))
  return {
    body,
    maxId: links.next?.searchParams.get('max_id') ?? null,
    minId: links.prev?.searchParams.get('min_id') ?? null,
  }
}
