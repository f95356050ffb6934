import type { Application, CredentialApplication, Token } from '#shared/mastodon-entities.ts'
import type { OauthAppRow } from '../../../db/schema.ts'
import { appRedirectUris, appScopes } from '../../../domain/oauth/apps.ts'
import type { IssuedToken } from '../../../domain/oauth/token-grants.ts'

export function presentApplication(app: OauthAppRow): Application {
  return {
    id: app.id,
    name: app.name,
    website: app.website,
    scopes: appScopes(app),
    // Deprecated by Mastodon 4.3 in favour of redirect_uris, and newline-joined like Mastodon's.
    redirect_uri: app.redirect_uris,
    redirect_uris: appRedirectUris(app),
  }
}

/** Only the response to POST /api/v1/apps carries the credentials. */
export function presentCredentialApplication(app: OauthAppRow): CredentialApplication {
  return {
    ...presentApplication(app),
    client_id: app.client_id,
    client_secret: app.client_secret,
    client_secret_expires_at: 0, // never
  }
}

export function presentToken(t: IssuedToken): Token {
  return {
    access_token: t.accessToken,
    token_type: 'Bearer',
    scope: t.scopes,
    created_at: Math.floor(Date.parse(t.createdAt) / 1000),
    ...(t.refreshToken ? { refresh_token: t.refreshToken } : {}),
  }
}
