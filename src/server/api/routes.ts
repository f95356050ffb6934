// Every route module, listed explicitly. The folder of a module is its URL.
import type { AppContext } from '../context.ts'
import { registerAdminArea } from './admin/routes.ts'
import { registerPasswordRoutes } from './kith/v1/auth/password.ts'
import { registerSignInRoutes } from './kith/v1/auth/sign-in.ts'
import { registerSignUpRoutes } from './kith/v1/auth/sign-up.ts'
import { registerOAuthAuthorizationRoutes } from './kith/v1/oauth/authorization.ts'
import { registerSessionRoutes } from './kith/v1/session.ts'
import { registerAccountSettingsRoutes } from './kith/v1/settings/account.ts'
import { registerSessionSettingsRoutes } from './kith/v1/settings/sessions.ts'
import { registerTwoFactorRoutes } from './kith/v1/settings/two-factor.ts'
import { registerSiteRoutes } from './kith/v1/site.ts'
import { registerDefaultImageRoutes } from './mastodon/default-images.ts'
import { registerMediaArea } from './mastodon/media/routes.ts'
import { registerAccountCreateRoutes } from './mastodon/v1/accounts/create.ts'
import { registerProfilesArea } from './mastodon/v1/accounts/routes.ts'
import { registerVerifyCredentialsRoutes } from './mastodon/v1/accounts/verify-credentials.ts'
import { registerAppRoutes } from './mastodon/v1/apps.ts'
import { registerV1InstanceRoutes } from './mastodon/v1/instance.ts'
import { registerNotificationsArea } from './mastodon/v1/notifications/routes.ts'
import { registerStatusesArea } from './mastodon/v1/statuses/routes.ts'
import { registerV2InstanceRoutes } from './mastodon/v2/instance.ts'
import { registerOAuthRevokeRoutes } from './oauth/revoke.ts'
import { registerOAuthTokenRoutes } from './oauth/token.ts'
import type { Api } from './types.ts'
import { registerNodeInfoRoutes } from './well-known/nodeinfo.ts'
import { registerOAuthMetadataRoutes } from './well-known/oauth-authorization-server.ts'
import { registerWebfingerRoutes } from './well-known/webfinger.ts'

export async function registerRoutes(api: Api, ctx: AppContext): Promise<void> {
  // Kith web API (session cookie + CSRF): docs/api-kith-web.md
  registerSiteRoutes(api, ctx)
  registerSessionRoutes(api, ctx)
  registerSignUpRoutes(api, ctx)
  registerSignInRoutes(api, ctx)
  registerPasswordRoutes(api, ctx)
  registerAccountSettingsRoutes(api, ctx)
  registerTwoFactorRoutes(api, ctx)
  registerSessionSettingsRoutes(api, ctx)
  registerOAuthAuthorizationRoutes(api, ctx)

  // OAuth and the Mastodon client API: docs.joinmastodon.org
  registerOAuthTokenRoutes(api, ctx)
  registerOAuthRevokeRoutes(api, ctx)
  registerAppRoutes(api, ctx)
  registerAccountCreateRoutes(api, ctx)
  registerVerifyCredentialsRoutes(api, ctx)
  registerV1InstanceRoutes(api, ctx)
  registerV2InstanceRoutes(api, ctx)
  registerDefaultImageRoutes(api, ctx)

  // Profiles and the social graph (Mastodon shapes; Kith's friends: docs/api-kith-friends.md)
  registerProfilesArea(api, ctx)

  registerStatusesArea(api, ctx)
  registerMediaArea(api, ctx)

  // Notifications and streaming (docs/api-notifications.md, docs/streaming.md)
  await registerNotificationsArea(api, ctx)

  // Administration and moderation
  registerAdminArea(api, ctx)

  // Discovery
  registerWebfingerRoutes(api, ctx)
  registerNodeInfoRoutes(api, ctx)
  registerOAuthMetadataRoutes(api, ctx)
}
