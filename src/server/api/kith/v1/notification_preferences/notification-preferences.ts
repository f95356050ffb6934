// GET/PUT /api/kith/v1/notification_preferences: per-kind delivery (in_app | email | off) and the
// daily email digest. PUT changes only what it names. Contract: docs/api-notifications.md.
import { Type } from 'typebox'
import { NotificationPreferences } from '#shared/mastodon-notifications.ts'
import type { AppContext } from '../../../../context.ts'
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from '../../../../domain/notifications/preferences.ts'
import type { Api } from '../../../types.ts'

const Body = Type.Object({
  types: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 10 }))),
  email_digest: Type.Optional(Type.String({ maxLength: 10 })),
})

export function registerNotificationPreferenceRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/notification_preferences',
    {
      schema: { tags: ['notifications'], response: { 200: NotificationPreferences } },
      config: { auth: 'user', scopes: ['read:notifications'] },
    },
    async (req) => getNotificationPreferences(ctx, req.viewer!.account.id),
  )

  api.put(
    '/api/kith/v1/notification_preferences',
    {
      schema: { tags: ['notifications'], body: Body, response: { 200: NotificationPreferences } },
      config: { auth: 'user', scopes: ['write:notifications'] },
    },
    async (req) => updateNotificationPreferences(ctx, req.viewer!.account.id, req.body),
  )
}
