// Grouped notifications (Mastodon 4.3+, https://docs.joinmastodon.org/methods/grouped_notifications/):
// GET /api/v2/notifications, GET /api/v2/notifications/unread_count, GET /api/v2/notifications/:group_key,
// POST /api/v2/notifications/:group_key/dismiss, GET /api/v2/notifications/:group_key/accounts,
// and the notification policy (Kith filters nothing: always `accept`).
import { Type } from 'typebox'
import { Account } from '#shared/mastodon-entities.ts'
import { GroupedNotificationsResults, UnreadCount } from '#shared/mastodon-notifications.ts'
import type { AppContext } from '../../../../context.ts'
import type { AccountRow } from '../../../../db/schema.ts'
import {
  countUnread,
  dismissNotificationGroup,
  getNotificationGroup,
  listNotificationGroups,
  SAMPLE_ACCOUNTS,
} from '../../../../domain/notifications/list-notifications.ts'
import { findAccountsByIds } from '../../../../domain/posts/hydrate-store.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentAccounts } from '../../present/accounts.ts'
import { presentNotificationGroups } from '../../v1/notifications/present.ts'
import { GroupedQuery, GroupKeyParams, on, readTypeQuery, TypeFilterQuery } from '../../v1/notifications/query.ts'

const READ = { auth: 'user' as const, scopes: ['read:notifications'] }
const WRITE = { auth: 'user' as const, scopes: ['write:notifications'] }

const Policy = Type.Object({
  for_not_following: Type.String(),
  for_not_followers: Type.String(),
  for_new_accounts: Type.String(),
  for_private_mentions: Type.String(),
  for_limited_accounts: Type.String(),
  summary: Type.Object({ pending_requests_count: Type.Integer(), pending_notifications_count: Type.Integer() }),
})
const ACCEPT_ALL = {
  for_not_following: 'accept',
  for_not_followers: 'accept',
  for_new_accounts: 'accept',
  for_private_mentions: 'accept',
  for_limited_accounts: 'accept',
  summary: { pending_requests_count: 0, pending_notifications_count: 0 },
}

export function registerGroupedNotificationRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v2/notifications',
    {
      schema: {
        tags: ['notifications'],
        querystring: Type.Object({ ...PageQuery, ...TypeFilterQuery, ...GroupedQuery }),
        response: { 200: GroupedNotificationsResults },
      },
      config: READ,
    },
    async (req, reply) => {
      const page = readPage(req.query, { limit: 40, max: 80 })
      const { groups } = await listNotificationGroups(ctx, req.viewer!.account.id, readTypeQuery(req.query), page)
      const ids = groups.flatMap((g) => g.rows.map((r) => r.id)).sort()
      // Next page: below the oldest notification covered; previous: above the newest.
      setLinkHeader(ctx, req, reply, { first: ids.at(-1), last: ids[0] })
      return presentNotificationGroups(ctx, req.viewer!, groups, {
        partialAvatars: req.query.expand_accounts === 'partial_avatars',
        paged: true,
      })
    },
  )

  api.get(
    '/api/v2/notifications/unread_count',
    {
      schema: {
        tags: ['notifications'],
        querystring: Type.Object({
          ...TypeFilterQuery,
          grouped_types: GroupedQuery.grouped_types,
          limit: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: UnreadCount },
      },
      config: READ,
    },
    async (req) => {
      const limit = Math.min(req.query.limit ?? 100, 1000)
      return { count: await countUnread(ctx, req.viewer!.account.id, readTypeQuery(req.query), limit, true) }
    },
  )

  api.get(
    '/api/v2/notifications/policy',
    { schema: { tags: ['notifications'], response: { 200: Policy } }, config: READ },
    async () => ACCEPT_ALL,
  )
  api.patch(
    '/api/v2/notifications/policy',
    { schema: { tags: ['notifications'], response: { 200: Policy } }, config: WRITE },
    async () => ACCEPT_ALL,
  )

  api.get(
    '/api/v2/notifications/:group_key',
    {
      schema: {
        tags: ['notifications'],
        params: GroupKeyParams,
        querystring: Type.Object({ kith: TypeFilterQuery.kith }),
        response: { 200: GroupedNotificationsResults },
      },
      config: READ,
    },
    async (req) => {
      const me = req.viewer!.account.id
      const { group } = await getNotificationGroup(ctx, me, req.params.group_key, { kith: on(req.query.kith) })
      return presentNotificationGroups(ctx, req.viewer!, [group], { partialAvatars: false, paged: false })
    },
  )

  api.post(
    '/api/v2/notifications/:group_key/dismiss',
    {
      schema: { tags: ['notifications'], params: GroupKeyParams, response: { 200: Type.Object({}) } },
      config: WRITE,
    },
    async (req) => {
      await dismissNotificationGroup(ctx, req.viewer!.account.id, req.params.group_key)
      return {}
    },
  )

  api.get(
    '/api/v2/notifications/:group_key/accounts',
    {
      schema: { tags: ['notifications'], params: GroupKeyParams, response: { 200: Type.Array(Account) } },
      config: READ,
    },
    async (req) => {
      const { group } = await getNotificationGroup(ctx, req.viewer!.account.id, req.params.group_key, {})
      const ids = [...new Set(group.rows.map((r) => r.from_account_id))].slice(0, SAMPLE_ACCOUNTS * 10)
      const rows = await findAccountsByIds(ctx.db, ids)
      const ordered = ids.map((id) => rows.get(id)).filter((r): r is AccountRow => !!r)
      return presentAccounts(ctx, req.viewer, ordered)
    },
  )
}
