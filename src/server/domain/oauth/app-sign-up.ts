// POST /api/v1/accounts: an app registers a person and receives a token for them at once
// (Mastodon's AppSignUpService). The token works only after the email is confirmed (and the
// account approved, when the site requires it): api/auth.ts refuses it with a 403 until then.
import type { AppContext } from '../../context.ts'
import type { OauthTokenRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { type SignUpInput, signUp } from '../auth/sign-up.ts'
import { createAccessToken } from './access-tokens.ts'
import { findApp } from './apps.ts'
import type { IssuedToken } from './token-grants.ts'

export async function signUpWithApp(
  ctx: AppContext,
  appToken: OauthTokenRow,
  input: SignUpInput,
): Promise<IssuedToken> {
  const app = appToken.app_id ? await findApp(ctx, appToken.app_id) : undefined
  if (!app) throw new AppError('forbidden', 'This method requires a token issued to an app', { reason: 'app_required' })
  const { user } = await signUp(ctx, input)
  // NOTE: Mastodon copies the calling token's scopes; Kith grants the app's registered scopes, so
  // an app that asked only for `write:accounts` to register someone can then act for them.
  const t = await createAccessToken(ctx, ctx.db, {
    userId: user.id,
    appId: app.id,
    scopes: app.scopes,
    withRefresh: true,
  })
  return { accessToken: t.accessToken, refreshToken: t.refreshToken, scopes: t.row.scopes, createdAt: t.row.created_at }
}
