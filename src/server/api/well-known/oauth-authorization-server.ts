// GET /.well-known/oauth-authorization-server (RFC 8414), as Mastodon 4.3 serves it.
import { Type } from 'typebox'
import type { AppContext } from '../../context.ts'
import { SCOPES } from '../../domain/oauth/scopes.ts'
import { GRANT_TYPES } from '../../domain/oauth/token-grants.ts'
import type { Api } from '../types.ts'

const Metadata = Type.Object({
  issuer: Type.String(),
  authorization_endpoint: Type.String(),
  token_endpoint: Type.String(),
  revocation_endpoint: Type.String(),
  app_registration_endpoint: Type.String(),
  scopes_supported: Type.Array(Type.String()),
  response_types_supported: Type.Array(Type.String()),
  response_modes_supported: Type.Array(Type.String()),
  grant_types_supported: Type.Array(Type.String()),
  code_challenge_methods_supported: Type.Array(Type.String()),
  token_endpoint_auth_methods_supported: Type.Array(Type.String()),
})

export function registerOAuthMetadataRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/.well-known/oauth-authorization-server',
    { schema: { tags: ['well-known'], response: { 200: Metadata } } },
    async () => {
      const base = ctx.config.publicUrl
      return {
        issuer: `${base}/`,
        authorization_endpoint: `${base}/oauth/authorize`,
        token_endpoint: `${base}/oauth/token`,
        revocation_endpoint: `${base}/oauth/revoke`,
        app_registration_endpoint: `${base}/api/v1/apps`,
        scopes_supported: [...SCOPES],
        response_types_supported: ['code'],
        response_modes_supported: ['query'],
        grant_types_supported: [...GRANT_TYPES],
        code_challenge_methods_supported: ['S256', 'plain'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      }
    },
  )
}
