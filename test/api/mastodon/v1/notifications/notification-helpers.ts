// Shared by the notification and streaming tests: posting through the API and reading notifications.
import assert from 'node:assert/strict'
import type { Api } from '#server/api/types.ts'
import type { Notification } from '#shared/mastodon-notifications.ts'
import type { TestAccount } from '../../../../helpers.ts'

export async function post(app: Api, who: TestAccount, payload: Record<string, unknown>): Promise<{ id: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/statuses', headers: who.auth, payload })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

export async function notificationsOf(app: Api, who: TestAccount, query = ''): Promise<Notification[]> {
  const res = await app.inject({ url: `/api/v1/notifications${query}`, headers: who.auth })
  assert.equal(res.statusCode, 200, res.body)
  return res.json()
}

export async function unreadCount(app: Api, who: TestAccount, query = ''): Promise<number> {
  const res = await app.inject({ url: `/api/v1/notifications/unread_count${query}`, headers: who.auth })
  assert.equal(res.statusCode, 200, res.body)
  return res.json().count
}

/** [type, kith type, sender username] of each notification, newest first. */
export const summary = (list: Notification[]) => list.map((n) => [n.type, n.kith.type, n.account.username])
