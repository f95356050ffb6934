// OAuth client apps (POST /api/v1/apps). Every app is a confidential client, as on Mastodon 4.3:
// it gets a client_id and a client_secret, and its redirect URIs and scopes are fixed at registration.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { OauthAppRow } from '../../db/schema.ts'
import { validationError } from '../../errors.ts'
import { randomToken, safeEqual } from '../auth/tokens.ts'
import { findAppByClientId, findAppById, insertApp } from './oauth-apps-store.ts'
import { INVALID_CLIENT, oauthError } from './oauth-errors.ts'
import { describeBadScopes, parseScopes } from './scopes.ts'

/** "Show the code to the person instead of redirecting" (RFC 8252's out-of-band URN). */
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob'
export const APP_NAME_MAX_LENGTH = 60
export const URL_MAX_LENGTH = 2000
export const REDIRECT_URIS_MAX = 10
// Native apps register custom schemes (myapp://callback), so only schemes that run code or read
// local data are refused.
const FORBIDDEN_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:', 'file:', 'blob:', 'about:', 'filesystem:'])

export type NewApp = {
  name: string
  redirectUris: string | string[]
  scopes?: string | null
  website?: string | null
}

export async function createApp(ctx: AppContext, input: NewApp): Promise<OauthAppRow> {
  const details: Record<string, string> = {}
  const name = input.name.trim()
  if (!name) details.client_name = "Name can't be blank"
  else if (name.length > APP_NAME_MAX_LENGTH)
    details.client_name = `Name must be at most ${APP_NAME_MAX_LENGTH} characters`
  const redirect = checkRedirectUris(input.redirectUris)
  if (typeof redirect === 'string') details.redirect_uris = redirect
  const website = input.website?.trim() || null
  if (website && !isWebUrl(website)) details.website = 'Website must be an http(s) URL'
  const scopes = parseScopes(input.scopes)
  if (!scopes) details.scopes = describeBadScopes(input.scopes)
  if (Object.keys(details).length > 0 || !scopes) throw validationError(details)

  const now = ctx.clock.now()
  const row: OauthAppRow = {
    id: newId(now),
    name,
    website,
    redirect_uris: (redirect as string[]).join('\n'),
    scopes: scopes.join(' '),
    client_id: randomToken(),
    client_secret: randomToken(),
    created_at: now.toISOString(),
  }
  await insertApp(ctx.db, row)
  return row
}

/** The app behind a client_id and secret, or 401 invalid_client. */
export async function authenticateClient(
  ctx: AppContext,
  clientId: string | undefined,
  clientSecret: string | undefined,
): Promise<OauthAppRow> {
  const app = clientId ? await findAppByClientId(ctx.db, clientId) : undefined
  if (!app || !clientSecret || !safeEqual(app.client_secret, clientSecret)) {
    throw oauthError('invalid_client', INVALID_CLIENT)
  }
  return app
}

export function findApp(ctx: AppContext, id: string): Promise<OauthAppRow | undefined> {
  return findAppById(ctx.db, id)
}

export function findAppByClient(ctx: AppContext, clientId: string): Promise<OauthAppRow | undefined> {
  return findAppByClientId(ctx.db, clientId)
}

export function appRedirectUris(app: OauthAppRow): string[] {
  return app.redirect_uris.split('\n').filter(Boolean)
}

export function appScopes(app: OauthAppRow): string[] {
  return app.scopes.split(' ').filter(Boolean)
}

/** The URIs, one per line or as an array, or a message saying what is wrong. */
function checkRedirectUris(value: string | string[]): string[] | string {
  const uris = [
    ...new Set(([] as string[]).concat(value).flatMap((v) => v.split(/\r?\n/).map((s) => s.trim()))),
  ].filter(Boolean)
  if (uris.length === 0) return "Redirect URI can't be blank"
  if (uris.length > REDIRECT_URIS_MAX) return `At most ${REDIRECT_URIS_MAX} redirect URIs`
  for (const uri of uris) {
    const problem = redirectUriProblem(uri)
    if (problem) return `Redirect URI ${problem}`
  }
  return uris
}

function redirectUriProblem(uri: string): string | null {
  if (uri.length > URL_MAX_LENGTH) return `must be at most ${URL_MAX_LENGTH} characters`
  if (uri === OOB_REDIRECT_URI) return null
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters on purpose
  if (/[\s\x00-\x1f\x7f]/.test(uri)) return 'must not contain spaces or control characters'
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return 'must be an absolute URI'
  }
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `must not use the ${url.protocol} scheme`
  if (uri.includes('#')) return 'must not contain a fragment'
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return 'must name a host'
  return null
}

function isWebUrl(value: string): boolean {
  if (value.length > URL_MAX_LENGTH) return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
