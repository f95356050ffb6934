// GET /api/v1/notifications, GET /api/v1/notifications/:id, GET /api/v1/notifications/unread_count,
// POST /api/v1/notifications/clear, POST /api/v1/notifications/:id/dismiss
// (https://docs.joinmastodon.org/methods/notifications/; Kith's type rule: docs/api-notifications.md)
import { Type } from 'typebox'
import { Notification, UnreadCount } from '#shared/mastodon-notifications.ts'
import type { AppContext } from '../../../../context.ts'
import {
  clearNotifications,
  countUnread,
  dismissNotification,
  getNotification,
  listNotifications,
} from '../../../../domain/notifications/list-notifications.ts'
import { AppError } from '../../../../errors.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentNotifications } from './present.ts'
import { IdParams, on, readTypeQuery, TypeFilterQuery } from './query.ts'

const READ = { auth: 'user' as const, scopes: ['read:notifications'] }
const WRITE = { auth: 'user' as const, scopes: ['write:notifications'] }

export function registerNotificationRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: Type.Object({ ...PageQuery, ...TypeFilterQuery }),
        response: { 200: Type.Array(Notification) },
      },
      config: READ,
    },
    async (req, reply) => {
      const page = readPage(req.query, { limit: 40, max: 80 })
      const { rows, view } = await listNotifications(ctx, req.viewer!.account.id, readTypeQuery(req.query), page)
      setLinkHeader(ctx, req, reply, { first: rows[0]?.id, last: rows.at(-1)?.id })
      return presentNotifications(ctx, req.viewer!, rows, view)
    },
  )

  api.get(
    '/api/v1/notifications/unread_count',
    {
      schema: {
        tags: ['notifications'],
        querystring: Type.Object({ ...TypeFilterQuery, limit: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: UnreadCount },
      },
      config: READ,
    },
    async (req) => {
      const limit = Math.min(req.query.limit ?? 100, 1000)
      return { count: await countUnread(ctx, req.viewer!.account.id, readTypeQuery(req.query), limit) }
    },
  )

  api.get(
    '/api/v1/notifications/:id',
    {
      schema: {
        tags: ['notifications'],
        params: IdParams,
        querystring: Type.Object({ kith: TypeFilterQuery.kith }),
        response: { 200: Notification },
      },
      config: READ,
    },
    async (req) => {
      const me = req.viewer!.account.id
      const { row, view } = await getNotification(ctx, me, req.params.id, { kith: on(req.query.kith) })
      const [notification] = await presentNotifications(ctx, req.viewer!, [row], view)
      if (!notification) throw new AppError('not_found', 'Record not found')
      return notification
    },
  )

  api.post(
    '/api/v1/notifications/clear',
    { schema: { tags: ['notifications'], response: { 200: Type.Object({}) } }, config: WRITE },
    async (req) => {
      await clearNotifications(ctx, req.viewer!.account.id)
      return {}
    },
  )

  api.post(
    '/api/v1/notifications/:id/dismiss',
    { schema: { tags: ['notifications'], params: IdParams, response: { 200: Type.Object({}) } }, config: WRITE },
    async (req) => {
      await dismissNotification(ctx, req.viewer!.account.id, req.params.id)
      return {}
    },
  )

  // Filtered notifications (Mastodon 4.3): Kith filters nothing, so there are never requests.
  api.get(
    '/api/v1/notifications/requests',
    { schema: { tags: ['notifications'], response: { 200: Type.Array(Type.Object({})) } }, config: READ },
    async () => [],
  )
}
