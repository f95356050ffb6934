// Per-kind notification preferences: in_app (the default), email (in the app and by email), or off
// (no notification at all); and whether a daily digest of unread notifications is emailed.
import {
  NOTIFICATION_DELIVERIES,
  type NotificationDelivery,
  type NotificationPreferences,
} from '#shared/mastodon-notifications.ts'
import type { AppContext } from '../../context.ts'
import { validationError } from '../../errors.ts'
import { listPreferenceRows, upsertPreference } from './notifications-store.ts'
import { DEFAULT_DELIVERY, isKind, NOTIFICATION_KINDS } from './types.ts'

const DIGEST = 'email_digest'

export async function getNotificationPreferences(ctx: AppContext, accountId: string): Promise<NotificationPreferences> {
  const rows = new Map((await listPreferenceRows(ctx.db, accountId)).map((r) => [r.type, r.delivery]))
  const types = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, (rows.get(kind) as NotificationDelivery) ?? DEFAULT_DELIVERY]),
  ) as NotificationPreferences['types']
  return { types, email_digest: rows.get(DIGEST) === 'daily' ? 'daily' : 'off' }
}

export async function updateNotificationPreferences(
  ctx: AppContext,
  accountId: string,
  input: { types?: Record<string, string>; email_digest?: string },
): Promise<NotificationPreferences> {
  const changes = Object.entries(input.types ?? {})
  for (const [kind, delivery] of changes) {
    if (!isKind(kind)) throw validationError({ types: `Unknown notification type: ${kind}` })
    if (!(NOTIFICATION_DELIVERIES as readonly string[]).includes(delivery)) {
      throw validationError({ types: `A notification is delivered ${NOTIFICATION_DELIVERIES.join(', ')}` })
    }
  }
  if (input.email_digest !== undefined && input.email_digest !== 'daily' && input.email_digest !== 'off') {
    throw validationError({ email_digest: 'The digest is daily or off' })
  }
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    for (const [kind, delivery] of changes) await upsertPreference(trx, accountId, kind, delivery, now)
    if (input.email_digest) await upsertPreference(trx, accountId, DIGEST, input.email_digest, now)
  })
  return getNotificationPreferences(ctx, accountId)
}
