// Notifications (docs/api-notifications.md): Mastodon's v1 and grouped v2 lists with Kith's kinds
// (`kith=true` everywhere), the `notifications` read marker, and Kith's per-kind preferences.
import type {
  GroupedNotificationsResults,
  Notification,
  NotificationDelivery,
  NotificationKind,
  NotificationPreferences,
} from '#shared/mastodon-notifications.ts'
import { mastodonFetch, mastodonPage, mastodonPaged, type Page } from './mastodon-fetch.ts'

export type {
  GroupedNotificationsResults,
  Notification,
  NotificationDelivery,
  NotificationKind,
  NotificationPreferences,
}

export type NotificationQuery = {
  max_id?: string
  since_id?: string
  min_id?: string
  limit?: number
  /** Kinds or Mastodon types; `mention` covers comments, replies and quotes too. */
  types?: readonly string[]
}

function query(q: NotificationQuery) {
  const { types, ...rest } = q
  return { kith: 'true', ...rest, 'types[]': types?.length ? types : undefined }
}

/** One page, newest first. */
export function listNotifications(q: NotificationQuery = {}, signal?: AbortSignal): Promise<Page<Notification>> {
  return mastodonPage('/api/v1/notifications', query(q), signal)
}

/** Grouped ("Ana and 12 others reacted to your post"); `limit` counts groups. */
export async function listNotificationGroups(q: NotificationQuery = {}, signal?: AbortSignal) {
  return mastodonPaged<GroupedNotificationsResults>('/api/v2/notifications', query(q), signal)
}

export async function fetchUnreadCount(): Promise<number> {
  const res = await mastodonFetch<{ count: number }>('/api/v1/notifications/unread_count', {
    query: { kith: 'true', limit: 1000 },
  })
  return res.count
}

/** Hides a whole group (one notification for ungrouped kinds). */
export function dismissNotificationGroup(groupKey: string): Promise<void> {
  return mastodonFetch(`/api/v2/notifications/${encodeURIComponent(groupKey)}/dismiss`, { method: 'POST', body: {} })
}

export function clearNotifications(): Promise<void> {
  return mastodonFetch('/api/v1/notifications/clear', { method: 'POST', body: {} })
}

type Markers = { notifications?: { last_read_id: string } }

export async function fetchNotificationsMarker(): Promise<string | null> {
  const res = await mastodonFetch<Markers>('/api/v1/markers', { query: { 'timeline[]': 'notifications' } })
  return res.notifications?.last_read_id ?? null
}

/** Everything up to `lastReadId` is read; `unread_count` counts what is newer. */
export function saveNotificationsMarker(lastReadId: string): Promise<Markers> {
  return mastodonFetch('/api/v1/markers', { method: 'POST', body: { notifications: { last_read_id: lastReadId } } })
}

export function getNotificationPreferences(): Promise<NotificationPreferences> {
  return mastodonFetch('/api/kith/v1/notification_preferences')
}

/** Changes only what it names. */
export function updateNotificationPreferences(change: {
  types?: Partial<Record<NotificationKind, NotificationDelivery>>
  email_digest?: 'daily' | 'off'
}): Promise<NotificationPreferences> {
  return mastodonFetch('/api/kith/v1/notification_preferences', { method: 'PUT', body: change })
}
