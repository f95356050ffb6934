// WebFinger (RFC 7033) for local accounts: `acct:alice@example.org`, or the profile's own URLs.
import type { AppContext } from '../../context.ts'
import type { AccountRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { canonicalUsername, checkUsername } from '../accounts/username.ts'
import { findVisibleLocalAccount } from './instance-store.ts'

export async function findAccountByResource(ctx: AppContext, resource: string): Promise<AccountRow> {
  const username = usernameFromResource(ctx, resource.trim())
  const account = username ? await findVisibleLocalAccount(ctx.db, canonicalUsername(username)) : undefined
  // The canonical form folds look-alikes ("bi1l" finds "bill"); WebFinger wants the name itself.
  if (!account || account.username.toLowerCase() !== username!.toLowerCase()) {
    throw new AppError('not_found', 'No such account on this site')
  }
  return account
}

/** The local username a resource names, null for another domain; 400 when it is not a resource at all. */
function usernameFromResource(ctx: AppContext, resource: string): string | null {
  const { domain, publicUrl } = ctx.config
  if (/^https?:\/\//i.test(resource)) {
    let url: URL
    try {
      url = new URL(resource)
    } catch {
      throw malformed()
    }
    if (url.origin !== publicUrl) return null
    const m = url.pathname.match(/^\/(?:@|users\/)([^/]+)\/?$/)
    return m ? decodeURIComponent(m[1]!) : null
  }
  const acct = resource.replace(/^acct:/i, '').replace(/^@/, '')
  const at = acct.lastIndexOf('@')
  if (at <= 0 || at === acct.length - 1) throw malformed()
  const username = acct.slice(0, at)
  if (checkUsername(username, { allowReserved: true })) return null
  return acct.slice(at + 1).toLowerCase() === domain.toLowerCase() ? username : null
}

function malformed(): AppError {
  return new AppError('bad_request', 'resource must be acct:user@domain or a profile URL', {
    reason: 'invalid_resource',
  })
}
