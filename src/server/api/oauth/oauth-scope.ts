// The OAuth endpoints answer in RFC 6749's shape (`{ error, error_description }`), not Mastodon's
// `{ error }`, so they live in an encapsulated Fastify scope with its own error handler.
import type { FastifyError } from 'fastify'
import { AppError, httpStatus } from '../../errors.ts'
import { acceptFormFields } from '../mastodon/form-data.ts'
import type { Api } from '../types.ts'

export function registerOAuthScope(api: Api, register: (scope: Api) => void): void {
  api.register(async (scope: Api) => {
    acceptFormFields(scope)
    // RFC 6749 §5.1: responses carrying tokens must not be cached.
    scope.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache')
    })
    scope.setErrorHandler((err: FastifyError | AppError, req, reply) => {
      if (err instanceof AppError) {
        const error = err.reason ?? (err.code === 'rate_limited' ? 'rate_limited' : 'invalid_request')
        return reply.status(httpStatus[err.code]).send({ error, error_description: err.message })
      }
      const status = err.statusCode ?? 500
      if (err.validation || (status >= 400 && status < 500)) {
        return reply.status(err.validation ? 400 : status).send({
          error: 'invalid_request',
          error_description: err.validation ? `Invalid request: ${err.message}` : err.message,
        })
      }
      req.log.error({ err }, 'unhandled error')
      return reply.status(500).send({ error: 'server_error', error_description: 'Internal error' })
    })
    register(scope)
  })
}

/** Client credentials from an HTTP Basic header (RFC 6749 §2.3.1), when the body has none. */
export function basicClientCredentials(header: string | undefined): { clientId?: string; clientSecret?: string } {
  if (!header?.startsWith('Basic ')) return {}
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return {}
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
    }
  } catch {
    return {}
  }
}
