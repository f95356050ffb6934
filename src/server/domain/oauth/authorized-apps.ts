// The apps a person has granted access to, for the settings page.
import type { AppContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { revokeUserTokens } from './access-tokens.ts'

export type AuthorizedApp = {
  id: string
  name: string
  website: string | null
  scopes: string[]
  created_at: string
  last_used_at: string | null
}

export async function listAuthorizedApps(ctx: AppContext, userId: string): Promise<AuthorizedApp[]> {
  const rows = await ctx.db
    .selectFrom('oauth_tokens')
    .innerJoin('oauth_apps', 'oauth_apps.id', 'oauth_tokens.app_id')
    .select([
      'oauth_apps.id',
      'oauth_apps.name',
      'oauth_apps.website',
      'oauth_tokens.scopes',
      'oauth_tokens.created_at',
      'oauth_tokens.last_used_at',
    ])
    .where('oauth_tokens.user_id', '=', userId)
    .where('oauth_tokens.revoked_at', 'is', null)
    .orderBy('oauth_tokens.created_at', 'desc')
    .execute()
  const byApp = new Map<string, AuthorizedApp>()
  for (const r of rows) {
    const seen = byApp.get(r.id)
    if (seen) {
      for (const s of r.scopes.split(' ')) if (!seen.scopes.includes(s)) seen.scopes.push(s)
      continue
    }
    byApp.set(r.id, { ...r, scopes: r.scopes.split(' ') })
  }
  return [...byApp.values()]
}

export async function revokeAuthorizedApp(ctx: AppContext, userId: string, appId: string): Promise<void> {
  const apps = await listAuthorizedApps(ctx, userId)
  if (!apps.some((a) => a.id === appId)) throw new AppError('not_found', 'App not found')
  await revokeUserTokens(ctx, ctx.db, userId, appId)
}
