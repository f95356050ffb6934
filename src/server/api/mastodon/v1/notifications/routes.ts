// Notifications and streaming: every route module of the area (docs/api-notifications.md, docs/streaming.md).
import type { AppContext } from '../../../../context.ts'
import { registerNotificationPreferenceRoutes } from '../../../kith/v1/notification_preferences/notification-preferences.ts'
import type { Api } from '../../../types.ts'
import { registerGroupedNotificationRoutes } from '../../v2/notifications/notifications.ts'
import { registerStreamingRoutes } from '../streaming/streaming.ts'
import { registerNotificationRoutes } from './notifications.ts'

export async function registerNotificationsArea(api: Api, ctx: AppContext): Promise<void> {
  registerNotificationRoutes(api, ctx)
  registerGroupedNotificationRoutes(api, ctx)
  registerNotificationPreferenceRoutes(api, ctx)
  await registerStreamingRoutes(api, ctx)
}
