// Mastodon's Notification, NotificationGroup (grouped notifications, API v2) and Conversation
// entities as TypeBox schemas (https://docs.joinmastodon.org/entities/Notification/,
// …/entities/NotificationGroup/, …/entities/Conversation/), plus Kith's `kith` extension object and
// the notification preferences. The type rules are in docs/api-notifications.md.
import { Type } from 'typebox'
import { Account, Nullable } from './mastodon-entities.ts'
import { Status } from './mastodon-statuses.ts'

/** Kith's own notification kinds. Those with a `kith:` prefix have no Mastodon type of their own. */
export const NOTIFICATION_KINDS = [
  'mention',
  'kith:comment',
  'kith:reply',
  'kith:reaction',
  'reblog',
  'quote',
  'follow',
  'follow_request',
  'kith:friend_request',
  'kith:friend_accepted',
  'poll',
  'update',
  'moderation_warning',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** What a Mastodon client sees by default; null: left out unless the client asks for the kind by name. */
export const MASTODON_TYPE_OF: Record<NotificationKind, string | null> = {
  mention: 'mention',
  'kith:comment': 'mention',
  'kith:reply': 'mention',
  'kith:reaction': 'favourite',
  reblog: 'reblog',
  quote: 'mention',
  follow: 'follow',
  follow_request: 'follow_request',
  'kith:friend_request': null,
  'kith:friend_accepted': null,
  poll: 'poll',
  update: 'update',
  moderation_warning: 'moderation_warning',
}

export const NOTIFICATION_DELIVERIES = ['in_app', 'email', 'off'] as const
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number]

export const AccountWarning = Type.Object({
  id: Type.String(),
  action: Type.String(),
  text: Type.String(),
  status_ids: Nullable(Type.Array(Type.String())),
  target_account: Type.Optional(Account),
  appeal: Nullable(Type.Object({ text: Type.String(), state: Type.String() })),
  created_at: Type.String(),
})

const KithNotification = Type.Object({
  /** Kith's own kind, whatever `type` says (e.g. `kith:comment` shown to Mastodon clients as `mention`). */
  type: Type.String(),
  /** For `kith:reaction`: like | love | haha | wow | sad | angry. */
  reaction: Type.Optional(Type.String()),
})

export const Notification = Type.Object({
  id: Type.String(),
  type: Type.String(),
  group_key: Type.String(),
  created_at: Type.String(),
  account: Account,
  status: Type.Optional(Status),
  moderation_warning: Type.Optional(AccountWarning),
  kith: KithNotification,
})
export type Notification = Type.Static<typeof Notification>

export const NotificationGroup = Type.Object({
  group_key: Type.String(),
  notifications_count: Type.Integer(),
  type: Type.String(),
  most_recent_notification_id: Type.String(),
  page_min_id: Type.Optional(Type.String()),
  page_max_id: Type.Optional(Type.String()),
  latest_page_notification_at: Type.Optional(Type.String()),
  sample_account_ids: Type.Array(Type.String()),
  status_id: Type.Optional(Type.String()),
  moderation_warning: Type.Optional(AccountWarning),
  kith: KithNotification,
})
export type NotificationGroup = Type.Static<typeof NotificationGroup>

export const PartialAccountWithAvatar = Type.Object({
  id: Type.String(),
  acct: Type.String(),
  url: Type.String(),
  avatar: Type.String(),
  avatar_static: Type.String(),
  locked: Type.Boolean(),
  bot: Type.Boolean(),
})

export const GroupedNotificationsResults = Type.Object({
  accounts: Type.Array(Account),
  partial_accounts: Type.Optional(Type.Array(PartialAccountWithAvatar)),
  statuses: Type.Array(Status),
  notification_groups: Type.Array(NotificationGroup),
})
export type GroupedNotificationsResults = Type.Static<typeof GroupedNotificationsResults>

export const UnreadCount = Type.Object({ count: Type.Integer() })

export const Conversation = Type.Object({
  id: Type.String(),
  unread: Type.Boolean(),
  accounts: Type.Array(Account),
  last_status: Nullable(Status),
})
export type Conversation = Type.Static<typeof Conversation>

/** GET/PUT /api/kith/v1/notification_preferences */
const Delivery = Type.Union([Type.Literal('in_app'), Type.Literal('email'), Type.Literal('off')])
export const NotificationPreferences = Type.Object({
  /** Every kind, with its delivery. */
  types: Type.Object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, Delivery]))),
  email_digest: Type.Union([Type.Literal('daily'), Type.Literal('off')]),
})
export type NotificationPreferences = {
  types: Record<NotificationKind, NotificationDelivery>
  email_digest: 'daily' | 'off'
}
