// POST /oauth/token and /oauth/revoke: the grants Kith supports and token revocation (RFC 6749, 7009, 7636).
import { createHash } from 'node:crypto'
import type { AppContext } from '../../context.ts'
import type { OauthAppRow } from '../../db/schema.ts'
import { hashToken, safeEqual } from '../auth/tokens.ts'
import { announceRevoked } from '../streaming/revocation.ts'
import { createAccessToken, revokeUserTokens } from './access-tokens.ts'
import { appScopes, authenticateClient } from './apps.ts'
import { PKCE_VALUE } from './authorization.ts'
import { findCodeByHash, markCodeUsed, type OauthCodeRow } from './oauth-codes-store.ts'
import { INVALID_GRANT, oauthError } from './oauth-errors.ts'
import { findTokenByAnyHash, findTokenByRefreshHash, revokeTokenById } from './oauth-tokens-store.ts'
import { parseScopes, scopesWithin } from './scopes.ts'

export const GRANT_TYPES = ['authorization_code', 'client_credentials', 'refresh_token'] as const

export type TokenRequest = {
  grantType: string
  clientId?: string
  clientSecret?: string
  code?: string
  redirectUri?: string
  codeVerifier?: string
  refreshToken?: string
  scope?: string
}

export type IssuedToken = { accessToken: string; refreshToken: string | null; scopes: string; createdAt: string }

export async function exchangeToken(ctx: AppContext, req: TokenRequest): Promise<IssuedToken> {
  if (!(GRANT_TYPES as readonly string[]).includes(req.grantType)) {
    // NOTE: the password grant is refused on purpose: it hands the app the person's password
    // and bypasses two-factor sign-in (Mastodon disabled it too).
    throw oauthError('unsupported_grant_type', `The grant type "${req.grantType}" is not supported`)
  }
  const app = await authenticateClient(ctx, req.clientId, req.clientSecret)
  if (req.grantType === 'authorization_code') return redeemCode(ctx, app, req)
  if (req.grantType === 'refresh_token') return refresh(ctx, app, req)
  return clientCredentials(ctx, app, req)
}

async function redeemCode(ctx: AppContext, app: OauthAppRow, req: TokenRequest): Promise<IssuedToken> {
  if (!req.code) throw oauthError('invalid_request', 'The code parameter is required')
  if (!req.redirectUri) throw oauthError('invalid_request', 'The redirect_uri parameter is required')
  const codeHash = hashToken(req.code)
  const row = await findCodeByHash(ctx.db, codeHash)
  if (!row || row.app_id !== app.id) throw oauthError('invalid_grant', INVALID_GRANT)
  if (row.used_at) {
    // RFC 6749 §4.1.2: a code used twice may have been stolen, so what it bought is revoked too.
    await revokeUserTokens(ctx, ctx.db, row.user_id, app.id)
    throw oauthError('invalid_grant', INVALID_GRANT)
  }
  const now = ctx.clock.now()
  if (row.expires_at <= now.toISOString() || row.redirect_uri !== req.redirectUri) {
    throw oauthError('invalid_grant', INVALID_GRANT)
  }
  if (!pkceSatisfied(row, req.codeVerifier)) {
    throw oauthError('invalid_grant', 'The code_verifier does not match the code_challenge')
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await markCodeUsed(trx, codeHash, now.toISOString()))) throw oauthError('invalid_grant', INVALID_GRANT)
    const t = await createAccessToken(ctx, trx, {
      userId: row.user_id,
      appId: app.id,
      scopes: row.scopes,
      withRefresh: true,
    })
    return issued(t)
  })
}

function pkceSatisfied(row: OauthCodeRow, verifier: string | undefined): boolean {
  if (!row.code_challenge) return verifier === undefined || verifier === ''
  if (!verifier || !PKCE_VALUE.test(verifier)) return false
  const expected =
    row.code_challenge_method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier
  return safeEqual(expected, row.code_challenge)
}

async function clientCredentials(ctx: AppContext, app: OauthAppRow, req: TokenRequest): Promise<IssuedToken> {
  const scopes = checkScopes(req.scope, appScopes(app))
  const t = await createAccessToken(ctx, ctx.db, { userId: null, appId: app.id, scopes: scopes.join(' ') })
  return issued(t)
}

/** Rotates a refresh token: the old access and refresh tokens stop working, a new pair is issued. */
async function refresh(ctx: AppContext, app: OauthAppRow, req: TokenRequest): Promise<IssuedToken> {
  if (!req.refreshToken) throw oauthError('invalid_request', 'The refresh_token parameter is required')
  const old = await findTokenByRefreshHash(ctx.db, hashToken(req.refreshToken))
  if (!old || old.revoked_at || old.app_id !== app.id) throw oauthError('invalid_grant', INVALID_GRANT)
  const granted = old.scopes.split(' ')
  const scopes = req.scope ? checkScopes(req.scope, granted) : granted
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeTokenById(trx, old.id, ctx.clock.now().toISOString()))) {
      throw oauthError('invalid_grant', INVALID_GRANT)
    }
    const t = await createAccessToken(ctx, trx, {
      userId: old.user_id,
      appId: app.id,
      scopes: scopes.join(' '),
      withRefresh: true,
    })
    return issued(t)
  })
}

function checkScopes(requested: string | undefined, allowed: string[]): string[] {
  const scopes = parseScopes(requested)
  if (!scopes || !scopesWithin(scopes, allowed)) {
    throw oauthError('invalid_scope', 'The requested scope is invalid, unknown, or malformed')
  }
  return scopes
}

function issued(t: Awaited<ReturnType<typeof createAccessToken>>): IssuedToken {
  return {
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    scopes: t.row.scopes,
    createdAt: t.row.created_at,
  }
}

/** RFC 7009: revokes an access or refresh token the app owns. Unknown tokens are not an error. */
export async function revokeToken(
  ctx: AppContext,
  req: { clientId?: string; clientSecret?: string; token?: string },
): Promise<void> {
  const app = await authenticateClient(ctx, req.clientId, req.clientSecret)
  if (!req.token) throw oauthError('invalid_request', 'The token parameter is required')
  const row = await findTokenByAnyHash(ctx.db, hashToken(req.token))
  if (!row) return
  if (row.app_id !== app.id) throw oauthError('unauthorized_client', 'You are not authorized to revoke this token')
  await revokeTokenById(ctx.db, row.id, ctx.clock.now().toISOString())
  if (row.user_id) await announceRevoked(ctx, { userId: row.user_id }, { scope: 'tokens', tokenId: row.id })
}
