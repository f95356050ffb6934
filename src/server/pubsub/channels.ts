// Typed pub/sub channels (Misskey's FanoutTimelineName, Mastodon's `timeline:…` Redis channels).
// Messages carry ids, never rendered entities: each receiver loads and checks what it may see at
// delivery time, so an event never shows a reader more than a fresh request would.

/** What happened to a post, or a new notification; the streaming route turns these into Mastodon events. */
export type TimelineEvent =
  | { event: 'update'; id: string }
  | { event: 'status.update'; id: string }
  | { event: 'delete'; id: string }
  | { event: 'conversation'; id: string }
  | { event: 'filters_changed' }
export type NotificationEvent = { event: 'notification'; id: string }

/**
 * Which credentials of one account stop working: every socket of the account (suspension),
 * its OAuth tokens (all, one app's, or one), or its web sessions (one, or all but one).
 */
export type RevokeEvent =
  | { scope: 'account' }
  | { scope: 'tokens'; appId?: string | null; tokenId?: string }
  | { scope: 'sessions'; sessionId?: string; exceptSessionId?: string }

export type HomeChannel = `timeline:home:${string}`
export type HashtagChannel = `timeline:hashtag:${string}`
export type DirectChannel = `timeline:direct:${string}`
export type NotificationsChannel = `notifications:${string}`
export type RevokedChannel = `account:${string}:revoked`
export type Channel =
  | HomeChannel
  | 'timeline:public'
  | HashtagChannel
  | DirectChannel
  | NotificationsChannel
  | RevokedChannel

export type MessageFor<C extends Channel> = C extends RevokedChannel
  ? RevokeEvent
  : C extends NotificationsChannel
    ? NotificationEvent
    : TimelineEvent
export type AnyMessage = TimelineEvent | NotificationEvent | RevokeEvent

export const channels = {
  home: (accountId: string): HomeChannel => `timeline:home:${accountId}`,
  public: 'timeline:public' as const,
  /** Tags are case-insensitive, as in the tag timeline. */
  hashtag: (tag: string): HashtagChannel => `timeline:hashtag:${tag.toLowerCase()}`,
  direct: (accountId: string): DirectChannel => `timeline:direct:${accountId}`,
  notifications: (accountId: string): NotificationsChannel => `notifications:${accountId}`,
  revoked: (accountId: string): RevokedChannel => `account:${accountId}:revoked`,
}
