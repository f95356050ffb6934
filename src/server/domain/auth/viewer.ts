import type { AccountRow, UserRow } from '../../db/schema.ts'

/** Who is making a request: a signed-in person, through a session cookie or an OAuth token. */
export type Viewer = {
  user: UserRow
  account: AccountRow
  /** 'all' for the web session (first-party), else the OAuth token's scopes. */
  scopes: ReadonlySet<string> | 'all'
  sessionId: string | null
  tokenId: string | null
  appId: string | null
}

// Mastodon's legacy `follow` scope stands for these granular ones.
const FOLLOW_SCOPE = new Set([
  'read:blocks',
  'write:blocks',
  'read:follows',
  'write:follows',
  'read:mutes',
  'write:mutes',
])

/** True when `granted` includes `required` itself or a broader scope (`read` covers `read:accounts`). */
export function scopeAllows(granted: ReadonlySet<string> | 'all', required: string): boolean {
  if (granted === 'all') return true
  if (granted.has(required)) return true
  const parts = required.split(':')
  for (let i = parts.length - 1; i > 0; i--) {
    if (granted.has(parts.slice(0, i).join(':'))) return true
  }
  return granted.has('follow') && FOLLOW_SCOPE.has(required)
}

/** Why this user may not act right now, or null when they may. */
export function accountBlockReason(user: UserRow, account: AccountRow): { reason: string; message: string } | null {
  if (account.suspended_at) return { reason: 'suspended', message: 'Your login is currently disabled' }
  if (user.disabled_at) return { reason: 'disabled', message: 'Your login is currently disabled' }
  if (!user.confirmed_at)
    return { reason: 'email_unconfirmed', message: 'Your login is missing a confirmed e-mail address' }
  if (!user.approved) return { reason: 'pending_approval', message: 'Your login is currently pending approval' }
  return null
}
