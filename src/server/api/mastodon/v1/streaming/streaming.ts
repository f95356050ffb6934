// GET /api/v1/streaming (WebSocket) and GET /api/v1/streaming/health, Mastodon's streaming protocol
// (https://docs.joinmastodon.org/methods/streaming/). Contract and close codes: docs/streaming.md.
//
// Credentials, first found wins: `Authorization: Bearer`, `access_token` in the query, the
// `Sec-WebSocket-Protocol` header (what Mastodon's web app and masto.js send), or the session cookie,
// which counts only when `Origin` is this site (a page elsewhere must not borrow a visitor's
// cookie: cross-site WebSocket hijacking). No credentials: public streams only.
import websocket from '@fastify/websocket'
import type { FastifyRequest } from 'fastify'
import type { AppContext } from '../../../../context.ts'
import { SESSION_COOKIE } from '../../../../domain/auth/sessions.ts'
import { findLiveSessionByHash } from '../../../../domain/auth/sessions-store.ts'
import { hashToken } from '../../../../domain/auth/tokens.ts'
import { accountBlockReason, type Viewer } from '../../../../domain/auth/viewer.ts'
import { findLiveTokenByHash } from '../../../../domain/oauth/oauth-tokens-store.ts'
import { AppError, type ErrorCode } from '../../../../errors.ts'
import type { Api } from '../../../types.ts'
import { type Connection, type Credential, createStreamingHub, type Socket, type StreamingHub } from './hub.ts'
import { isStreamError, resolveStream, type StreamError } from './streams.ts'

/** Client frames are small JSON commands; anything bigger is closed with 1009 by the ws library. */
export const MAX_FRAME_BYTES = 16 * 1024

type Resolved = { viewer: Viewer | null; credential: Credential | null }
const resolved = new WeakMap<FastifyRequest, Resolved>()
const on = (v: unknown) => v === 'true' || v === '1'

export async function registerStreamingRoutes(api: Api, ctx: AppContext): Promise<void> {
  await api.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } })
  const hub = createStreamingHub(ctx, {
    maxBuffer: ctx.config.streamingMaxBuffer,
    stillValid: (c) => stillValid(ctx, c),
  })
  api.addHook('onClose', async () => hub.close())

  api.get('/api/v1/streaming/health', { schema: { tags: ['streaming'] } }, async (_req, reply) =>
    reply.type('text/plain').send('OK'),
  )

  api.route({
    method: 'GET',
    url: '/api/v1/streaming',
    schema: { tags: ['streaming'], hide: true },
    preHandler: async (req) => {
      const found = await resolveCredentials(ctx, req)
      resolved.set(req, found)
      const query = req.query as Record<string, unknown>
      // A stream named in the URL is checked before the upgrade, so a bad one is a plain HTTP error.
      if (query.stream !== undefined) {
        const spec = resolveStream(query.stream, query, found.viewer)
        if (isStreamError(spec)) throw asAppError(spec)
      }
    },
    handler: async (_req, reply) =>
      reply.status(400).send({ error: 'Connect with a WebSocket (Upgrade: websocket)', error_code: 'bad_request' }),
    wsHandler: (socket, req) => {
      const { viewer, credential } = resolved.get(req) ?? { viewer: null, credential: null }
      const query = req.query as Record<string, unknown>
      const conn = hub.open(socket as Socket, { viewer, credential, kith: on(query.kith) })
      conn.socket.on('message', (data, isBinary) => onFrame(hub, conn, data, isBinary))
      if (query.stream !== undefined) subscribe(hub, conn, query.stream, query)
    },
  })
}

function asAppError(e: StreamError): AppError {
  const code: ErrorCode = e.status === 401 ? 'unauthorized' : e.status === 404 ? 'not_found' : 'bad_request'
  return new AppError(code, e.error)
}

function sendError(socket: Socket, e: StreamError) {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(e))
}

function subscribe(hub: StreamingHub, conn: Connection, stream: unknown, params: Record<string, unknown>) {
  const spec = resolveStream(stream, params, conn.viewer)
  if (isStreamError(spec)) return sendError(conn.socket, spec)
  if (!hub.subscribe(conn, spec)) sendError(conn.socket, { error: 'Too many subscriptions', status: 429 })
}

/** Client commands: `{"type":"subscribe"|"unsubscribe","stream":"…","tag":"…"}`. */
function onFrame(hub: StreamingHub, conn: Connection, data: Buffer, isBinary: boolean) {
  if (isBinary) return hub.end(conn, 1003, 'Send JSON text frames')
  let message: unknown
  try {
    message = JSON.parse(data.toString('utf8'))
  } catch {
    return hub.end(conn, 1007, 'Frames must be JSON')
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return hub.end(conn, 1007, 'Frames must be JSON objects')
  }
  const m = message as Record<string, unknown>
  if (m.type === 'subscribe') return subscribe(hub, conn, m.stream, m)
  if (m.type === 'unsubscribe') {
    const spec = resolveStream(m.stream, m, conn.viewer)
    if (!isStreamError(spec)) hub.unsubscribe(conn, spec.key)
    return
  }
  // NOTE: Mastodon ignores other frames (pings from some clients); so does Kith.
}

function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null
  const query = (req.query as Record<string, unknown>).access_token
  if (typeof query === 'string' && query) return query
  const protocol = req.headers['sec-websocket-protocol']
  if (typeof protocol === 'string' && protocol.trim()) return protocol.split(',')[0]!.trim()
  return null
}

async function resolveCredentials(ctx: AppContext, req: FastifyRequest): Promise<Resolved> {
  const token = bearer(req)
  if (token) {
    const hash = hashToken(token)
    const found = await findLiveTokenByHash(ctx.db, hash, ctx.clock.now().toISOString())
    if (!found) throw new AppError('unauthorized', 'The access token is invalid')
    // An app-only token (no user) reads what anyone may read.
    if (!found.user || !found.account) return { viewer: null, credential: null }
    const blocked = accountBlockReason(found.user, found.account)
    if (blocked) throw new AppError('forbidden', blocked.message, { reason: blocked.reason })
    return {
      viewer: {
        user: found.user,
        account: found.account,
        scopes: new Set(found.token.scopes.split(' ')),
        sessionId: null,
        tokenId: found.token.id,
        appId: found.token.app_id,
      },
      credential: { kind: 'token', tokenId: found.token.id, appId: found.token.app_id, hash },
    }
  }
  const cookie = req.cookies[SESSION_COOKIE]
  if (!cookie || req.headers.origin !== ctx.config.publicUrl) return { viewer: null, credential: null }
  const hash = hashToken(cookie)
  const found = await findLiveSessionByHash(ctx.db, hash)
  if (!found || accountBlockReason(found.user, found.account)) return { viewer: null, credential: null }
  return {
    viewer: { ...found, scopes: 'all', sessionId: found.session.id, tokenId: null, appId: null },
    credential: { kind: 'session', sessionId: found.session.id, hash },
  }
}

async function stillValid(ctx: AppContext, c: Connection): Promise<boolean> {
  const cred = c.credential
  if (!cred) return true
  const found =
    cred.kind === 'token'
      ? await findLiveTokenByHash(ctx.db, cred.hash, ctx.clock.now().toISOString())
      : await findLiveSessionByHash(ctx.db, cred.hash)
  return !!found?.user && !!found.account && accountBlockReason(found.user, found.account) === null
}
