// The authorization step of the OAuth code flow: the web consent page (GET /oauth/authorize, served
// by the SPA) asks the Kith API to check a request, then records the person's decision.
//
// NOTE: OAuth is hand-written rather than built on a generic OAuth server library. Mastodon's
// flavour (the out-of-band redirect, form or JSON parameters, its scope hierarchy, confidential
// clients only, a consent page that is a single-page app) is simpler to follow directly than to
// adapt a framework built around its own sessions and views; the whole of it is this folder.
import type { AppContext } from '../../context.ts'
import type { OauthAppRow } from '../../db/schema.ts'
import { hashToken, randomToken } from '../auth/tokens.ts'
import { appRedirectUris, appScopes, findAppByClient, OOB_REDIRECT_URI } from './apps.ts'
import { insertCode } from './oauth-codes-store.ts'
import { oauthError } from './oauth-errors.ts'
import { parseScopes, scopesWithin } from './scopes.ts'

export const CODE_TTL_MS = 10 * 60 * 1000
/** Where the SPA shows an out-of-band code for the person to copy into their app. */
export const NATIVE_CODE_PATH = '/oauth/authorize/native'
// RFC 7636 §4.2: 43 to 128 unreserved characters.
export const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/

export type PkceMethod = 'S256' | 'plain'

export type AuthorizationRequest = {
  clientId: string
  redirectUri: string
  responseType?: string
  scope?: string
  codeChallenge?: string
  codeChallengeMethod?: string
}

export type CheckedAuthorization = {
  app: OauthAppRow
  scopes: string[]
  redirectUri: string
  codeChallenge: string | null
  codeChallengeMethod: PkceMethod | null
}

/** Validates a request to authorize an app; throws a 400 saying what is wrong. */
export async function checkAuthorizationRequest(
  ctx: AppContext,
  req: AuthorizationRequest,
): Promise<CheckedAuthorization> {
  const app = req.clientId ? await findAppByClient(ctx, req.clientId) : undefined
  if (!app) throw oauthError('invalid_request', 'This app (client_id) is not registered on this site')
  if (req.responseType !== undefined && req.responseType !== 'code') {
    throw oauthError('unsupported_response_type', 'Only response_type=code is supported')
  }
  if (!appRedirectUris(app).includes(req.redirectUri)) {
    throw oauthError('invalid_request', 'The redirect_uri is not one the app registered')
  }
  const scopes = parseScopes(req.scope)
  if (!scopes) throw oauthError('invalid_scope', 'The requested scope is invalid, unknown, or malformed')
  if (!scopesWithin(scopes, appScopes(app))) {
    throw oauthError('invalid_scope', 'The app asks for more access than it registered for')
  }

  let method: PkceMethod | null = null
  const challenge = req.codeChallenge || null
  if (challenge) {
    if (!PKCE_VALUE.test(challenge)) throw oauthError('invalid_request', 'The code_challenge is malformed')
    const m = req.codeChallengeMethod || 'plain' // RFC 7636 §4.3: plain when omitted
    if (m !== 'S256' && m !== 'plain') {
      throw oauthError('invalid_request', 'code_challenge_method must be S256 or plain')
    }
    method = m
  } else if (req.codeChallengeMethod) {
    throw oauthError('invalid_request', 'code_challenge_method was given without a code_challenge')
  }
  return { app, scopes, redirectUri: req.redirectUri, codeChallenge: challenge, codeChallengeMethod: method }
}

/** Records the person's answer and says where to send the browser (with the code, or the refusal). */
export async function decideAuthorization(
  ctx: AppContext,
  userId: string,
  req: AuthorizationRequest & { state?: string; approve: boolean },
): Promise<{ redirectTo: string; code?: string }> {
  const checked = await checkAuthorizationRequest(ctx, req)
  const oob = checked.redirectUri === OOB_REDIRECT_URI
  if (!req.approve) {
    const params = { error: 'access_denied', error_description: 'The person declined to authorize the app' }
    return { redirectTo: withParams(oob ? NATIVE_CODE_PATH : checked.redirectUri, params, req.state) }
  }

  const code = randomToken()
  const now = ctx.clock.now()
  await insertCode(ctx.db, {
    code_hash: hashToken(code),
    app_id: checked.app.id,
    user_id: userId,
    redirect_uri: checked.redirectUri,
    scopes: checked.scopes.join(' '),
    code_challenge: checked.codeChallenge,
    code_challenge_method: checked.codeChallengeMethod,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
    used_at: null,
  })
  if (oob) return { redirectTo: withParams(NATIVE_CODE_PATH, { code }), code }
  return { redirectTo: withParams(checked.redirectUri, { code }, req.state) }
}

function withParams(target: string, params: Record<string, string>, state?: string): string {
  const all = state ? { ...params, state } : params
  if (target.startsWith('/')) return `${target}?${new URLSearchParams(all)}`
  const url = new URL(target)
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v)
  return url.toString()
}
