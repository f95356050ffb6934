// The OAuth scopes Kith knows, as Mastodon 4.3 defines them (https://docs.joinmastodon.org/api/oauth-scopes/).
// Scopes are hierarchical: `read` covers `read:accounts`, `admin:read` covers `admin:read:reports`
// (the check itself is `scopeAllows` in domain/auth/viewer.ts).
import { scopeAllows } from '../auth/viewer.ts'

const READ = ['accounts', 'blocks', 'bookmarks', 'favourites', 'filters', 'follows', 'lists', 'mutes']
  .concat(['notifications', 'search', 'statuses'])
  .map((s) => `read:${s}`)
const WRITE = ['accounts', 'blocks', 'bookmarks', 'conversations', 'favourites', 'filters', 'follows', 'lists']
  .concat(['media', 'mutes', 'notifications', 'reports', 'statuses'])
  .map((s) => `write:${s}`)
const ADMIN_OBJECTS = [
  'accounts',
  'reports',
  'domain_allows',
  'domain_blocks',
  'ip_blocks',
  'email_domain_blocks',
  'canonical_email_blocks',
]

export const SCOPES: readonly string[] = [
  'read',
  'write',
  'follow',
  'push',
  'profile',
  ...READ,
  ...WRITE,
  'admin:read',
  'admin:write',
  ...ADMIN_OBJECTS.map((s) => `admin:read:${s}`),
  ...ADMIN_OBJECTS.map((s) => `admin:write:${s}`),
]
const KNOWN = new Set(SCOPES)

export const DEFAULT_SCOPE = 'read'
export const SCOPES_MAX_LENGTH = 1000

/**
 * Splits a scope string (spaces, or the `+` of a hand-built query string) into unique scopes,
 * or null when it names a scope Kith does not know. An empty string gives the default scope.
 */
export function parseScopes(value: string | undefined | null): string[] | null {
  if (value && value.length > SCOPES_MAX_LENGTH) return null
  const scopes = [...new Set((value ?? '').split(/[\s+]+/).filter(Boolean))]
  if (scopes.length === 0) return [DEFAULT_SCOPE]
  return scopes.every((s) => KNOWN.has(s)) ? scopes : null
}

/** Why parseScopes refused a value, for a validation message. */
export function describeBadScopes(value: string | undefined | null): string {
  if ((value ?? '').length > SCOPES_MAX_LENGTH) return `Scopes must be at most ${SCOPES_MAX_LENGTH} characters`
  const unknown = (value ?? '').split(/[\s+]+/).filter((s) => s && !KNOWN.has(s))
  return `Scopes include unknown scopes: ${unknown.join(', ')}`
}

/** True when every requested scope is granted, directly or through a broader one. */
export function scopesWithin(requested: readonly string[], granted: readonly string[]): boolean {
  const set = new Set(granted)
  return requested.every((s) => scopeAllows(set, s))
}
