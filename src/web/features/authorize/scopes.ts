import type { TFunction } from 'i18next'

// Mastodon's OAuth scopes: https://docs.joinmastodon.org/api/oauth-scopes/
// Top-level scopes, then granular ones like "read:statuses", "write:media" and "admin:read:accounts".
const known = new Set([
  'read',
  'write',
  'follow',
  'push',
  'profile',
  'admin:read',
  'admin:write',
  'read:accounts',
  'read:blocks',
  'read:bookmarks',
  'read:favourites',
  'read:filters',
  'read:follows',
  'read:lists',
  'read:mutes',
  'read:notifications',
  'read:search',
  'read:statuses',
  'write:accounts',
  'write:blocks',
  'write:bookmarks',
  'write:conversations',
  'write:favourites',
  'write:filters',
  'write:follows',
  'write:lists',
  'write:media',
  'write:mutes',
  'write:notifications',
  'write:reports',
  'write:statuses',
])

/** A sentence describing what a scope lets an app do, in the reader's language. */
export function describeScope(t: TFunction, scope: string): string {
  if (known.has(scope)) return t(`scopes.${scope.replaceAll(':', '_')}`)
  const admin = /^admin:(read|write):(.+)$/.exec(scope)
  if (admin) return t(`scopes.admin_${admin[1]}_some`, { thing: admin[2].replaceAll('_', ' ') })
  return t('scopes.unknown', { scope })
}

/** Scopes that can change things or reach beyond the person's own account deserve a second look. */
export function isSensitiveScope(scope: string): boolean {
  return scope.startsWith('write') || scope.startsWith('admin') || scope === 'follow'
}

export function splitScopes(scope: string | null | undefined): string[] {
  return (scope ?? '').split(/[\s+]+/).filter(Boolean)
}
