import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { OauthTokenRow } from '../db/schema.ts'
import type { Permission } from '../domain/admin/permissions.ts'
import type { Viewer } from '../domain/auth/viewer.ts'

export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

/**
 * Per-route auth: 'user' needs a signed-in person; 'session' needs the web session itself
 * (account security settings are not for third-party app tokens); 'app' accepts an app-only token too;
 * 'optional' resolves the viewer when credentials are present. `scopes`: any one suffices.
 * `permission`: the admin-area permission the viewer's roles must grant (403 otherwise).
 */
export type RouteAuth = {
  auth?: 'user' | 'session' | 'app' | 'optional'
  scopes?: string[]
  csrf?: false
  permission?: Permission
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null
    oauthToken: OauthTokenRow | null
  }
  interface FastifyContextConfig extends RouteAuth {}
}
