// buildApp(ctx): the whole HTTP surface as a Fastify instance that never listens (tests inject into it).
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import cookie from '@fastify/cookie'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import formbody from '@fastify/formbody'
import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyError } from 'fastify'
import { registerAuth } from './api/auth.ts'
import { registerBenchRoutes } from './api/bench.ts'
import { registerRoutes } from './api/routes.ts'
import type { Api } from './api/types.ts'
import type { AppContext } from './context.ts'
import { mediaRoot } from './domain/media/storage.ts'
import { AppError, httpStatus } from './errors.ts'

export const BODY_LIMIT = 1024 * 1024
export const UPLOAD_LIMITS = { fileSize: 8 * 1024 * 1024, files: 2, fields: 30, fieldSize: 64 * 1024, parts: 32 }

export async function buildApp(ctx: AppContext): Promise<Api> {
  const app = Fastify({
    loggerInstance: ctx.log,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: BODY_LIMIT,
    // Mastodon clients send `scopes[]=read&types[]=x`; parse those as arrays.
    routerOptions: { querystringParser: (s) => parseBracketQuery(s) },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as Api

  app.setSerializerCompiler(cachedSerializerCompiler as never)

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply
        .status(httpStatus[err.code])
        .send({ error: err.message, error_code: err.reason ?? err.code, details: err.details })
    }
    if (err.validation) {
      return reply.status(400).send({ error: `Invalid request: ${err.message}`, error_code: 'invalid_request' })
    }
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: err.message, error_code: err.code ?? 'bad_request' })
    }
    req.log.error({ err }, 'unhandled error')
    return reply.status(500).send({ error: 'Internal error', error_code: 'internal' })
  })

  await app.register(cookie)
  await app.register(formbody, { parser: (s) => parseBracketQuery(s) })
  // Files are read by the routes that take them (`req.parts()`); these caps bound every upload.
  await app.register(multipart, { limits: UPLOAD_LIMITS })
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        mediaSrc: ["'self'", 'blob:', 'https:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.secure ? [] : null,
      },
    },
    // Mastodon clients on other origins load avatars and media.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: ctx.config.secure,
  })
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req) => req.ip ?? 'local',
    // The benchmark drives thousands of users from one loopback address.
    allowList: ctx.config.bench ? () => true : undefined,
    errorResponseBuilder: (_req, c) =>
      new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(c.ttl / 1000)} seconds`),
  })
  registerCors(app)

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Kith API',
        version: '0.1.0',
        description:
          'The Mastodon client API (docs.joinmastodon.org) plus Kith extensions under /api/kith. ' +
          'Authenticate with an OAuth bearer token, or (web client) the session cookie plus X-CSRF-Token.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })

  registerAuth(app, ctx)
  await registerRoutes(app, ctx)
  if (ctx.config.bench) registerBenchRoutes(app, ctx)
  await registerWebClient(app, ctx)
  return app
}

// fast-json-stringify compiles each response schema to a function; the Status schema takes about a
// second. Share the compiled functions between app instances (tests build many) by schema text.
const buildSerializer = SerializerSelector()(undefined, {})
const serializers = new Map<string, (data: unknown) => string>()
function cachedSerializerCompiler(route: { schema: unknown; method: string; url: string; httpStatus: string }) {
  const key = JSON.stringify(route.schema)
  let fn = serializers.get(key)
  if (!fn) {
    fn = buildSerializer(route as never) as (data: unknown) => string
    serializers.set(key, fn)
  }
  return fn
}

/** CORS for the Mastodon API and OAuth token endpoints, so browser-based apps on other origins work. */
function registerCors(app: Api): void {
  const isApi = (url: string) => /^\/(api\/v\d|oauth\/(token|revoke)|\.well-known|nodeinfo)/.test(url)
  app.addHook('onRequest', async (req, reply) => {
    if (!isApi(req.url) || !req.headers.origin) return
    // No credentials: the cookie is never honoured cross-origin, only bearer tokens.
    reply.header('access-control-allow-origin', '*')
    reply.header('access-control-expose-headers', 'Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining')
    if (req.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE')
      reply.header('access-control-allow-headers', 'Authorization, Content-Type, Idempotency-Key')
      reply.header('access-control-max-age', '86400')
      return reply.status(204).send()
    }
  })
}

async function registerWebClient(app: Api, ctx: AppContext): Promise<void> {
  // Uploaded media (local disk mode). Keys are made by Kith; @fastify/static refuses traversal.
  const media = mediaRoot(ctx)
  mkdirSync(media, { recursive: true })
  await app.register(fastifyStatic, {
    root: media,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    maxAge: '7d',
    immutable: true,
  })
  const index = path.join(ctx.config.webDist, 'index.html')
  const built = existsSync(index)
  if (built) {
    await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false, index: false, maxAge: '1h' })
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' && !/^\/(api|oauth\/(token|revoke)|media|\.well-known|nodeinfo)\b/.test(req.url)
    if (!wantsPage) return reply.status(404).send({ error: 'Record not found', error_code: 'not_found' })
    if (!built) {
      return reply
        .status(503)
        .type('text/plain')
        .send('The web client is not built. Run `npm run build` (npm install does it).')
    }
    // The single-page app routes everything else itself.
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}

/**
 * Rails-style nested keys, as Mastodon clients send them: `scopes[]=a&scopes[]=b` → `{scopes: ['a','b']}`,
 * `poll[options][]=x&poll[expires_in]=300` → `{poll: {options: ['x'], expires_in: '300'}}`,
 * `fields_attributes[0][name]=x` → `{fields_attributes: {'0': {name: 'x'}}}`.
 */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export function parseBracketQuery(s: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const params = new URLSearchParams(s)
  let count = 0
  for (const [rawKey, value] of params) {
    if (++count > 1000) break
    const m = rawKey.match(/^([^[\]]+)((?:\[[^[\]]*\])*)$/)
    if (!m) {
      if (!UNSAFE_KEYS.has(rawKey)) out[rawKey] = value
      continue
    }
    const path = [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]!)].slice(0, 4)
    if (path.some((k) => UNSAFE_KEYS.has(k))) continue
    let node: Record<string, unknown> = out
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!
      const last = i === path.length - 1
      const nextIsPush = path[i + 1] === ''
      if (key === '') break
      if (last || (nextIsPush && i + 1 === path.length - 1)) {
        if (nextIsPush || key.endsWith('[]')) {
          const arr = Array.isArray(node[key]) ? (node[key] as unknown[]) : []
          arr.push(value)
          node[key] = arr
        } else node[key] = value
        break
      }
      const child = node[key]
      if (typeof child !== 'object' || child === null || Array.isArray(child)) node[key] = {}
      node = node[key] as Record<string, unknown>
    }
  }
  return out
}
