// Resolves who is calling (bearer token or session cookie), enforces each route's auth config
// and OAuth scopes, and guards cookie-authenticated writes against CSRF.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../context.ts'
import { requirePermission } from '../domain/admin/permissions.ts'
import { resolveSession, SESSION_COOKIE } from '../domain/auth/sessions.ts'
import { hashToken, randomToken, safeEqual } from '../domain/auth/tokens.ts'
import { accountBlockReason, scopeAllows } from '../domain/auth/viewer.ts'
import { findLiveTokenByHash } from '../domain/oauth/oauth-tokens-store.ts'
import { AppError } from '../errors.ts'
import type { Api } from './types.ts'

export const CSRF_COOKIE = 'kith_csrf'
export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
// Called by apps with their own credentials, never with the cookie's authority.
const CSRF_EXEMPT = new Set(['/oauth/token', '/oauth/revoke'])

function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null
  return null
}

export function registerAuth(api: Api, ctx: AppContext): void {
  api.decorateRequest('viewer', null)
  api.decorateRequest('oauthToken', null)

  api.addHook('onRequest', async (req, reply) => {
    checkCsrf(req)
    issueCsrfCookie(ctx, req, reply)
  })

  // Admin routes (those naming a permission) refuse before the body is even validated, so a
  // visitor or member learns nothing from them; the others check just before their handler.
  api.addHook('preValidation', async (req) => {
    if (req.routeOptions.config.permission) await enforceRouteAuth(ctx, req)
  })
  api.addHook('preHandler', async (req) => {
    if (!req.routeOptions.config.permission) await enforceRouteAuth(ctx, req)
  })
}

async function enforceRouteAuth(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const config = req.routeOptions.config
  if (!config.auth) return
  await resolveViewer(ctx, req)
  const { auth, scopes, permission } = config
  if (auth === 'user' && !req.viewer) {
    throw new AppError(
      'unauthorized',
      req.oauthToken ? 'This method requires an authenticated user' : 'The access token is invalid',
    )
  }
  if (auth === 'session' && !req.viewer?.sessionId) {
    throw new AppError('unauthorized', 'Sign in to the web app to do this', { reason: 'session_required' })
  }
  if (auth === 'app' && !req.viewer && !req.oauthToken)
    throw new AppError('unauthorized', 'The access token is invalid')
  if (scopes && (req.viewer || req.oauthToken)) {
    const granted = req.viewer ? req.viewer.scopes : new Set(req.oauthToken!.scopes.split(' '))
    if (!scopes.some((s) => scopeAllows(granted, s))) {
      throw new AppError('forbidden', 'This action is outside the authorized scopes')
    }
  }
  if (permission) {
    if (!req.viewer) throw new AppError('unauthorized', 'This method requires an authenticated user')
    await requirePermission(ctx.db, req.viewer, permission)
  }
}

async function resolveViewer(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const bearer = bearerToken(req)
  if (bearer) {
    const found = await findLiveTokenByHash(ctx.db, hashToken(bearer), ctx.clock.now().toISOString())
    if (!found) throw new AppError('unauthorized', 'The access token is invalid')
    req.oauthToken = found.token
    if (found.user && found.account) {
      const blocked = accountBlockReason(found.user, found.account)
      if (blocked) throw new AppError('forbidden', blocked.message, { reason: blocked.reason })
      req.viewer = {
        user: found.user,
        account: found.account,
        scopes: new Set(found.token.scopes.split(' ')),
        sessionId: null,
        tokenId: found.token.id,
        appId: found.token.app_id,
      }
    }
    return
  }
  const cookie = req.cookies[SESSION_COOKIE]
  if (!cookie) return
  const found = await resolveSession(ctx, cookie)
  if (!found || accountBlockReason(found.user, found.account)) return
  req.viewer = { ...found, scopes: 'all', sessionId: found.session.id, tokenId: null, appId: null }
}

function checkCsrf(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method) || bearerToken(req)) return
  const path = req.url.split('?')[0]!
  if (CSRF_EXEMPT.has(path)) return
  // Cookie-carrying requests, and every Kith web endpoint (sign-in included, against login CSRF).
  if (!req.cookies[SESSION_COOKIE] && !path.startsWith('/api/kith/')) return
  const cookie = req.cookies[CSRF_COOKIE]
  const header = req.headers[CSRF_HEADER]
  if (!cookie || typeof header !== 'string' || !safeEqual(cookie, header)) {
    throw new AppError('forbidden', 'Missing or invalid CSRF token; reload the page and try again', { reason: 'csrf' })
  }
}

function issueCsrfCookie(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): void {
  if (req.cookies[CSRF_COOKIE] || req.url.startsWith('/api/v') || req.url.startsWith('/oauth/token')) return
  const value = randomToken(24)
  req.cookies[CSRF_COOKIE] = value
  // Readable by the page's script on purpose: the double-submit pattern.
  reply.setCookie(CSRF_COOKIE, value, { path: '/', sameSite: 'lax', secure: ctx.config.secure, httpOnly: false })
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, maxAgeS: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secure,
    maxAge: maxAgeS,
  })
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secure })
}

/** The request's client IP and user agent, for session lists and audit. */
export function clientMeta(req: FastifyRequest): { ip: string | null; userAgent: string | null } {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null }
}
