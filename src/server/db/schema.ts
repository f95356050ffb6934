// Row types, named as in SQL. `…Row` is what a select returns; Kysely's Insertable/Updateable derive the rest.
import type { ColumnType, Insertable, Selectable } from 'kysely'

type Bool = 0 | 1

export type SiteSettingsTable = { key: string; value: string; updated_at: string }

export type AccountsTable = {
  id: string
  username: string
  username_canonical: string
  display_name: string
  note: string
  locked: Bool
  bot: Bool
  discoverable: Bool
  created_at: string
  updated_at: string
  suspended_at: string | null
  avatar_key: string | null
  avatar_blurhash: string | null
  header_key: string | null
  header_blurhash: string | null
  location: string
  website: string
  birthday: string | null
  birthday_visibility: 'public' | 'friends' | 'only_me'
  profile_visibility: 'public' | 'members'
  friend_requests_from: 'everyone' | 'friends_of_friends' | 'nobody'
  friends_visibility: 'public' | 'friends' | 'only_me'
  followers_count: number
  following_count: number
  friends_count: number
  statuses_count: number
  last_status_at: string | null
}

export type AccountFieldsTable = { account_id: string; position: number; name: string; value: string }

/** follows, follow_requests, friend_requests, blocks and mutes share this shape. */
type EdgeTable = { id: string; account_id: string; target_account_id: string; created_at: string }
export type FollowsTable = EdgeTable & { show_reblogs: Bool; notify: Bool }
export type FollowRequestsTable = EdgeTable & { show_reblogs: Bool; notify: Bool }
export type FriendRequestsTable = EdgeTable
export type BlocksTable = EdgeTable
export type MutesTable = EdgeTable & { hide_notifications: Bool; expires_at: string | null }
/** Two rows per friendship, one each way. */
export type FriendshipsTable = { id: string; account_id: string; friend_id: string; created_at: string }
export type SuggestionDismissalsTable = { account_id: string; target_account_id: string; created_at: string }

export type Visibility = 'public' | 'unlisted' | 'private' | 'friends' | 'direct'
export type PostsTable = {
  id: string
  account_id: string
  thread_id: string
  in_reply_to_id: string | null
  in_reply_to_account_id: string | null
  reblog_of_id: string | null
  quote_of_id: string | null
  group_id: string | null
  text: string
  content_html: string
  spoiler_text: string
  sensitive: Bool
  visibility: Visibility
  language: string | null
  app_id: string | null
  poll_id: string | null
  replies_count: number
  reblogs_count: number
  favourites_count: number
  quotes_count: number
  created_at: string
  edited_at: string | null
  updated_at: string
  /** Bumped by every change the status presenter caches (see present/status-parts-cache.ts). */
  version: ColumnType<number, number | undefined, number>
}
export type PostMentionsTable = { post_id: string; account_id: string }
export type TagsTable = { id: string; name: string; name_lower: string; created_at: string }
export type PostTagsTable = { tag_id: string; post_id: string }
export type ReactionKind = 'like' | 'love' | 'haha' | 'wow' | 'sad' | 'angry'
export type ReactionsTable = { id: string; post_id: string; account_id: string; kind: ReactionKind; created_at: string }
/** Kept by triggers on `reactions` (migration 2026-11-30T2100); never written by the application. */
export type PostReactionCountsTable = { post_id: string; kind: ReactionKind; n: number }
export type BookmarksTable = { id: string; account_id: string; post_id: string; created_at: string }
export type PinsTable = BookmarksTable
export type MediaAttachmentsTable = {
  id: string
  account_id: string
  post_id: string | null
  position: number
  type: 'image'
  file_key: string
  blurhash: string | null
  description: string
  focus_x: number
  focus_y: number
  width: number
  height: number
  small_width: number
  small_height: number
  created_at: string
}
export type PostEditsTable = {
  id: string
  post_id: string
  text: string
  content_html: string
  spoiler_text: string
  sensitive: Bool
  media_ids: string
  /** JSON array of the poll's option titles at this version, or null without a poll. */
  poll_options: string | null
  created_at: string
}
export type PollsTable = {
  id: string
  post_id: string
  account_id: string
  multiple: Bool
  hide_totals: Bool
  expires_at: string | null
  votes_count: number
  voters_count: number
  created_at: string
}
export type PollOptionsTable = { poll_id: string; position: number; title: string; votes_count: number }
export type PollVotesTable = { poll_id: string; account_id: string; position: number; created_at: string }
export type PreviewCardsTable = {
  id: string
  url: string
  status: 'pending' | 'ok' | 'failed'
  title: string
  description: string
  provider_name: string
  image_key: string | null
  image_width: number | null
  image_height: number | null
  blurhash: string | null
  fetched_at: string | null
  created_at: string
}
export type PostCardsTable = { post_id: string; card_id: string }
export type IdempotencyKeysTable = { account_id: string; key: string; post_id: string; created_at: string }
export type MarkersTable = {
  account_id: string
  timeline: string
  last_read_id: string
  version: number
  updated_at: string
}

export type NotificationsTable = {
  id: string
  account_id: string
  from_account_id: string
  /** Kith's kind (`mention`, `kith:comment`, `kith:reaction`…); see domain/notifications/types.ts. */
  type: string
  post_id: string | null
  reaction: string | null
  group_key: string
  dedupe_key: string
  payload: string | null
  created_at: string
  emailed_at: string | null
  dismissed_at: string | null
}
export type NotificationPreferencesTable = { account_id: string; type: string; delivery: string; updated_at: string }
export type NotificationDigestsTable = {
  account_id: string
  scheduled_for: string | null
  last_sent_at: string | null
}

export type Role = 'owner' | 'admin' | 'moderator' | 'user'

export type UsersTable = {
  id: string
  account_id: string
  email: string
  email_lower: string
  password_hash: string
  role: Role
  locale: string
  confirmed_at: string | null
  approved: Bool
  sign_up_reason: string | null
  sign_up_ip: string | null
  invite_id: string | null
  otp_secret: string | null
  otp_enabled_at: string | null
  otp_last_step: number | null
  created_at: string
  updated_at: string
  last_sign_in_at: string | null
}

export type OtpRecoveryCodesTable = { user_id: string; code_hash: string; used_at: string | null }

export type SessionsTable = {
  id: string
  user_id: string
  token_hash: string
  ip: string | null
  user_agent: string | null
  created_at: string
  last_seen_at: string
  revoked_at: string | null
}

export type EmailTokenPurpose = 'confirm' | 'reset_password'
export type EmailTokensTable = {
  token_hash: string
  user_id: string
  purpose: EmailTokenPurpose
  email: string
  created_at: string
  expires_at: string
  used_at: string | null
}

export type InvitesTable = {
  id: string
  code: string
  user_id: string | null
  max_uses: number | null
  uses: number
  expires_at: string | null
  created_at: string
}

export type RulesTable = { id: string; text: string; hint: string; position: number; created_at: string }

export type OauthAppsTable = {
  id: string
  name: string
  website: string | null
  redirect_uris: string
  scopes: string
  client_id: string
  client_secret: string
  created_at: string
}

export type OauthCodesTable = {
  code_hash: string
  app_id: string
  user_id: string
  redirect_uri: string
  scopes: string
  code_challenge: string | null
  code_challenge_method: string | null
  created_at: string
  expires_at: string
  used_at: string | null
}

export type OauthTokensTable = {
  id: string
  token_hash: string
  refresh_hash: string | null
  app_id: string | null
  user_id: string | null
  scopes: string
  created_at: string
  expires_at: string | null
  last_used_at: string | null
  revoked_at: string | null
}

export type JobsTable = {
  id: string
  name: string
  payload: string
  run_at: string
  attempts: number
  locked_until: string | null
  last_error: string | null
  created_at: string
}

// Administration and moderation (docs/api-admin.md). The columns it adds to accounts, users and
// posts are typed apart and optional in the row types, so rows built elsewhere need not list them.
export type AccountModerationColumns = {
  suspended_until: string | null
  /** Limited ("silenced"): public posts are seen only by followers. */
  limited_at: string | null
  /** Media always marked sensitive. */
  sensitized_at: string | null
}
export type UserModerationColumns = {
  /** A custom role (roles.id) adding permissions to the built-in `role`. */
  custom_role_id: string | null
  /** Login disabled by a moderator (Mastodon's "disable"); the profile stays visible. */
  disabled_at: string | null
}
/** Held for review by a server-wide filter: only the author sees the post until a moderator approves. */
export type PostModerationColumns = { held_at: string | null }
export type RolesTable = {
  id: string
  name: string
  color: string
  builtin: Bool
  created_at: string
  updated_at: string
}
export type RolePermissionsTable = { role_id: string; permission: string }
export type ReportTargetType = 'account' | 'post' | 'comment' | 'message' | 'group' | 'page'
export type ReportsTable = {
  id: string
  account_id: string | null
  target_type: ReportTargetType
  target_id: string
  target_key: string
  target_account_id: string | null
  category: string
  severity: number
  comment: string
  rule_ids: string
  forwarded: Bool
  assigned_account_id: string | null
  action_taken_at: string | null
  action_taken_by_account_id: string | null
  resolution: 'dismissed' | 'actioned' | null
  resolution_note: string
  created_at: string
  updated_at: string
}
export type ReportEvidenceTable = {
  id: string
  report_id: string
  post_id: string
  account_id: string
  username: string
  text: string
  content_html: string
  spoiler_text: string
  visibility: string
  sensitive: Bool
  in_reply_to_id: string | null
  media: string
  posted_at: string
  captured_at: string
}
export type AccountWarningsTable = {
  id: string
  account_id: string
  action: string
  text: string
  rule_ids: string
  report_id: string | null
  post_ids: string
  created_by_account_id: string | null
  overturned_at: string | null
  created_at: string
}
export type AppealsTable = {
  id: string
  warning_id: string
  account_id: string
  text: string
  status: 'pending' | 'approved' | 'rejected'
  assigned_account_id: string | null
  resolved_by_account_id: string | null
  resolved_at: string | null
  created_at: string
}
export type ModeratorNotesTable = {
  id: string
  account_id: string
  author_account_id: string | null
  text: string
  created_at: string
}
export type AuditLogTable = {
  id: string
  actor_account_id: string | null
  actor_username: string
  action: string
  target_type: string
  target_id: string
  target_label: string
  before: string | null
  after: string | null
  ip: string | null
  created_at: string
}
export type EmailDomainBlocksTable = { id: string; domain: string; created_at: string }
export type IpBlockSeverity = 'sign_up_requires_approval' | 'sign_up_block' | 'no_access'
export type IpBlocksTable = {
  id: string
  ip: string
  severity: IpBlockSeverity
  comment: string
  expires_at: string | null
  created_at: string
  updated_at: string
}
export type ContentFiltersTable = {
  id: string
  pattern: string
  kind: 'word' | 'regex'
  action: 'block' | 'flag'
  created_at: string
}
export type UserFiltersTable = {
  id: string
  account_id: string
  title: string
  context: string
  action: 'warn' | 'hide' | 'blur'
  expires_at: string | null
  created_at: string
  updated_at: string
}
export type UserFilterKeywordsTable = { id: string; filter_id: string; keyword: string; whole_word: Bool }
export type UserFilterStatusesTable = { id: string; filter_id: string; post_id: string }

export type Database = {
  site_settings: SiteSettingsTable
  accounts: AccountsTable & AccountModerationColumns
  users: UsersTable & UserModerationColumns
  otp_recovery_codes: OtpRecoveryCodesTable
  sessions: SessionsTable
  email_tokens: EmailTokensTable
  invites: InvitesTable
  rules: RulesTable
  oauth_apps: OauthAppsTable
  oauth_codes: OauthCodesTable
  oauth_tokens: OauthTokensTable
  jobs: JobsTable
  account_fields: AccountFieldsTable
  follows: FollowsTable
  follow_requests: FollowRequestsTable
  friend_requests: FriendRequestsTable
  friendships: FriendshipsTable
  blocks: BlocksTable
  mutes: MutesTable
  suggestion_dismissals: SuggestionDismissalsTable
  posts: PostsTable & PostModerationColumns
  post_mentions: PostMentionsTable
  tags: TagsTable
  post_tags: PostTagsTable
  reactions: ReactionsTable
  post_reaction_counts: PostReactionCountsTable
  bookmarks: BookmarksTable
  pins: PinsTable
  media_attachments: MediaAttachmentsTable
  post_edits: PostEditsTable
  polls: PollsTable
  poll_options: PollOptionsTable
  poll_votes: PollVotesTable
  preview_cards: PreviewCardsTable
  post_cards: PostCardsTable
  idempotency_keys: IdempotencyKeysTable
  markers: MarkersTable
  notifications: NotificationsTable
  notification_preferences: NotificationPreferencesTable
  notification_digests: NotificationDigestsTable
  roles: RolesTable
  role_permissions: RolePermissionsTable
  reports: ReportsTable
  report_evidence: ReportEvidenceTable
  account_warnings: AccountWarningsTable
  appeals: AppealsTable
  moderator_notes: ModeratorNotesTable
  audit_log: AuditLogTable
  email_domain_blocks: EmailDomainBlocksTable
  ip_blocks: IpBlocksTable
  content_filters: ContentFiltersTable
  user_filters: UserFiltersTable
  user_filter_keywords: UserFilterKeywordsTable
  user_filter_statuses: UserFilterStatusesTable
}

export type PostRow = Selectable<PostsTable> & Partial<PostModerationColumns>
export type MediaRow = Selectable<MediaAttachmentsTable>
export type NotificationRow = Selectable<NotificationsTable>

export type AccountRow = Selectable<AccountsTable> & Partial<AccountModerationColumns>
export type UserRow = Selectable<UsersTable> & Partial<UserModerationColumns>
export type SessionRow = Selectable<SessionsTable>
export type OauthAppRow = Selectable<OauthAppsTable>
export type OauthTokenRow = Selectable<OauthTokensTable>
export type InviteRow = Selectable<InvitesTable>
export type RuleRow = Selectable<RulesTable>
export type JobRow = Selectable<JobsTable>
export type RoleRow = Selectable<RolesTable>
export type ReportRow = Selectable<ReportsTable>
export type ReportEvidenceRow = Selectable<ReportEvidenceTable>
export type AccountWarningRow = Selectable<AccountWarningsTable>
export type AppealRow = Selectable<AppealsTable>
export type AuditLogRow = Selectable<AuditLogTable>
export type IpBlockRow = Selectable<IpBlocksTable>
export type ContentFilterRow = Selectable<ContentFiltersTable>
export type UserFilterRow = Selectable<UserFiltersTable>
export type NewAccount = Insertable<AccountsTable>
export type NewUser = Insertable<UsersTable>
