// Mastodon client API entities as TypeBox schemas (https://docs.joinmastodon.org/entities/).
// The server validates and serialises responses with them; the web client imports the types only.
// Responses are serialised by schema, so a property missing here is dropped from the wire.
import { type TSchema, Type } from 'typebox'

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** Mastodon's error body; Kith adds `error_code` (machine-readable) and `details` (per field). */
export const MastodonError = Type.Object({
  error: Type.String(),
  error_code: Type.Optional(Type.String()),
  details: Type.Optional(Type.Record(Type.String(), Type.String())),
})
export type MastodonError = Type.Static<typeof MastodonError>

/** RFC 6749 §5.2 error body, used by /oauth/token and /oauth/revoke. */
export const OAuthError = Type.Object({ error: Type.String(), error_description: Type.String() })
export type OAuthError = Type.Static<typeof OAuthError>

export const CustomEmoji = Type.Object({
  shortcode: Type.String(),
  url: Type.String(),
  static_url: Type.String(),
  visible_in_picker: Type.Boolean(),
  category: Type.Optional(Nullable(Type.String())),
})
export type CustomEmoji = Type.Static<typeof CustomEmoji>

export const Field = Type.Object({
  name: Type.String(),
  value: Type.String(),
  verified_at: Nullable(Type.String()),
})
export type Field = Type.Static<typeof Field>

/** A role as shown on a profile (Account.roles). */
export const AccountRole = Type.Object({ id: Type.String(), name: Type.String(), color: Type.String() })

export const Account = Type.Object({
  id: Type.String(),
  username: Type.String(),
  acct: Type.String(),
  url: Type.String(),
  uri: Type.String(),
  display_name: Type.String(),
  note: Type.String(),
  avatar: Type.String(),
  avatar_static: Type.String(),
  header: Type.String(),
  header_static: Type.String(),
  locked: Type.Boolean(),
  fields: Type.Array(Field),
  emojis: Type.Array(CustomEmoji),
  bot: Type.Boolean(),
  group: Type.Boolean(),
  discoverable: Nullable(Type.Boolean()),
  indexable: Type.Boolean(),
  noindex: Nullable(Type.Boolean()),
  hide_collections: Nullable(Type.Boolean()),
  suspended: Type.Optional(Type.Boolean()),
  limited: Type.Optional(Type.Boolean()),
  memorial: Type.Optional(Type.Boolean()),
  created_at: Type.String(),
  last_status_at: Nullable(Type.String()),
  statuses_count: Type.Integer(),
  followers_count: Type.Integer(),
  following_count: Type.Integer(),
  roles: Type.Array(AccountRole),
  /** GET /api/v1/mutes only: when the mute ends (null: never). */
  mute_expires_at: Type.Optional(Nullable(Type.String())),
  // Kith extensions (a Mastodon client ignores them).
  friends_count: Type.Integer(),
  /** The avatar at 96×96, for lists and comments. */
  avatar_small: Type.String(),
  avatar_blurhash: Nullable(Type.String()),
  header_blurhash: Nullable(Type.String()),
  location: Type.String(),
  /** An http(s) URL or ''. */
  website: Type.String(),
  /** YYYY-MM-DD, only when `birthday_visibility` lets the viewer see it. */
  birthday: Nullable(Type.String()),
  friend_requests_from: Type.Union([
    Type.Literal('everyone'),
    Type.Literal('friends_of_friends'),
    Type.Literal('nobody'),
  ]),
})
export type Account = Type.Static<typeof Account>

/** The viewer's own role (CredentialAccount.role); `permissions` is a bitmask as a decimal string. */
export const Role = Type.Object({
  id: Type.String(),
  name: Type.String(),
  color: Type.String(),
  permissions: Type.String(),
  highlighted: Type.Boolean(),
})
export type Role = Type.Static<typeof Role>

export const Visibility = Type.Union([
  Type.Literal('public'),
  Type.Literal('unlisted'),
  Type.Literal('private'),
  Type.Literal('direct'),
])
export type Visibility = Type.Static<typeof Visibility>

export const CredentialAccount = Type.Object({
  ...Account.properties,
  source: Type.Object({
    note: Type.String(),
    fields: Type.Array(Field),
    privacy: Visibility,
    sensitive: Type.Boolean(),
    language: Nullable(Type.String()),
    follow_requests_count: Type.Integer(),
    hide_collections: Nullable(Type.Boolean()),
    discoverable: Nullable(Type.Boolean()),
    indexable: Type.Boolean(),
    attribution_domains: Type.Array(Type.String()),
    // Kith settings, editable through update_credentials.
    location: Type.String(),
    website: Type.String(),
    birthday: Nullable(Type.String()),
    birthday_visibility: Type.Union([Type.Literal('public'), Type.Literal('friends'), Type.Literal('only_me')]),
    profile_visibility: Type.Union([Type.Literal('public'), Type.Literal('members')]),
    friend_requests_from: Type.Union([
      Type.Literal('everyone'),
      Type.Literal('friends_of_friends'),
      Type.Literal('nobody'),
    ]),
    friends_visibility: Type.Union([Type.Literal('public'), Type.Literal('friends'), Type.Literal('only_me')]),
    /** Pending friend requests to this account. */
    friend_requests_count: Type.Integer(),
  }),
  role: Role,
})
export type CredentialAccount = Type.Static<typeof CredentialAccount>

/** https://docs.joinmastodon.org/entities/Relationship/ plus Kith's friendship flags. */
export const Relationship = Type.Object({
  id: Type.String(),
  following: Type.Boolean(),
  showing_reblogs: Type.Boolean(),
  notifying: Type.Boolean(),
  languages: Nullable(Type.Array(Type.String())),
  followed_by: Type.Boolean(),
  blocking: Type.Boolean(),
  blocked_by: Type.Boolean(),
  muting: Type.Boolean(),
  muting_notifications: Type.Boolean(),
  requested: Type.Boolean(),
  requested_by: Type.Boolean(),
  domain_blocking: Type.Boolean(),
  endorsed: Type.Boolean(),
  note: Type.String(),
  // Kith extensions
  friends: Type.Boolean(),
  friend_request_sent: Type.Boolean(),
  friend_request_received: Type.Boolean(),
})
export type Relationship = Type.Static<typeof Relationship>

/** GET /api/v2/suggestions (https://docs.joinmastodon.org/entities/Suggestion/). */
export const Suggestion = Type.Object({
  source: Type.Union([Type.Literal('staff'), Type.Literal('past_interactions'), Type.Literal('global')]),
  sources: Type.Array(
    Type.Union([
      Type.Literal('featured'),
      Type.Literal('most_followed'),
      Type.Literal('most_interactions'),
      Type.Literal('similar_to_recently_followed'),
      Type.Literal('friends_of_friends'),
    ]),
  ),
  account: Account,
})
export type Suggestion = Type.Static<typeof Suggestion>

/** Kith: an entry in a friends list (GET /api/kith/v1/friends). */
export const Friend = Type.Object({
  account: Account,
  /** When the friendship began. */
  created_at: Type.String(),
  /** Friends the viewer shares with this person (0 when signed out). */
  mutual_friends_count: Type.Integer(),
})
export type Friend = Type.Static<typeof Friend>

/** Kith: a pending friend request (GET /api/kith/v1/friend_requests); `account` is the other person. */
export const FriendRequest = Type.Object({
  account: Account,
  created_at: Type.String(),
  mutual_friends_count: Type.Integer(),
})
export type FriendRequest = Type.Static<typeof FriendRequest>

/** Kith: a person you may know (GET /api/kith/v1/suggestions). */
export const FriendSuggestion = Type.Object({
  account: Account,
  mutual_friends_count: Type.Integer(),
  /** A few of the shared friends, most recent friendships first. */
  mutual_friends: Type.Array(Account),
})
export type FriendSuggestion = Type.Static<typeof FriendSuggestion>

/** GET /api/v1/apps/verify_credentials: an app without its credentials. */
export const Application = Type.Object({
  id: Type.String(),
  name: Type.String(),
  website: Nullable(Type.String()),
  scopes: Type.Array(Type.String()),
  redirect_uri: Type.String(),
  redirect_uris: Type.Array(Type.String()),
})
export type Application = Type.Static<typeof Application>

/** POST /api/v1/apps (Mastodon 4.3 CredentialApplication). */
export const CredentialApplication = Type.Object({
  ...Application.properties,
  client_id: Type.String(),
  client_secret: Type.String(),
  client_secret_expires_at: Type.Integer(),
})
export type CredentialApplication = Type.Static<typeof CredentialApplication>

export const Token = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  scope: Type.String(),
  /** Seconds since the Unix epoch. */
  created_at: Type.Integer(),
  refresh_token: Type.Optional(Type.String()),
})
export type Token = Type.Static<typeof Token>

export const Rule = Type.Object({ id: Type.String(), text: Type.String(), hint: Type.String() })
export type Rule = Type.Static<typeof Rule>

const StatusesConfiguration = Type.Object({
  max_characters: Type.Integer(),
  max_media_attachments: Type.Integer(),
  characters_reserved_per_url: Type.Integer(),
})
const MediaConfiguration = Type.Object({
  supported_mime_types: Type.Array(Type.String()),
  description_limit: Type.Integer(),
  image_size_limit: Type.Integer(),
  image_matrix_limit: Type.Integer(),
  video_size_limit: Type.Integer(),
  video_frame_rate_limit: Type.Integer(),
  video_matrix_limit: Type.Integer(),
})
const PollsConfiguration = Type.Object({
  max_options: Type.Integer(),
  max_characters_per_option: Type.Integer(),
  min_expiration: Type.Integer(),
  max_expiration: Type.Integer(),
})

/** GET /api/v2/instance */
export const Instance = Type.Object({
  domain: Type.String(),
  title: Type.String(),
  version: Type.String(),
  source_url: Type.String(),
  description: Type.String(),
  usage: Type.Object({ users: Type.Object({ active_month: Type.Integer() }) }),
  thumbnail: Type.Object({
    url: Type.String(),
    blurhash: Type.Optional(Type.String()),
    versions: Type.Optional(Type.Object({ '@1x': Type.String(), '@2x': Type.String() })),
  }),
  icon: Type.Array(Type.Object({ src: Type.String(), size: Type.String() })),
  languages: Type.Array(Type.String()),
  configuration: Type.Object({
    urls: Type.Object({ streaming: Type.String() }),
    accounts: Type.Object({ max_featured_tags: Type.Integer(), max_pinned_statuses: Type.Integer() }),
    statuses: StatusesConfiguration,
    media_attachments: MediaConfiguration,
    polls: PollsConfiguration,
    translation: Type.Object({ enabled: Type.Boolean() }),
  }),
  registrations: Type.Object({
    enabled: Type.Boolean(),
    approval_required: Type.Boolean(),
    reason_required: Type.Boolean(),
    message: Nullable(Type.String()),
    url: Nullable(Type.String()),
  }),
  api_versions: Type.Object({ mastodon: Type.Integer() }),
  contact: Type.Object({ email: Type.String(), account: Nullable(Account) }),
  rules: Type.Array(Rule),
})
export type Instance = Type.Static<typeof Instance>

/** GET /api/v1/instance (deprecated by Mastodon 4.0, still read by many clients). */
export const V1Instance = Type.Object({
  uri: Type.String(),
  title: Type.String(),
  short_description: Type.String(),
  description: Type.String(),
  email: Type.String(),
  version: Type.String(),
  urls: Type.Object({ streaming_api: Type.String() }),
  stats: Type.Object({ user_count: Type.Integer(), status_count: Type.Integer(), domain_count: Type.Integer() }),
  thumbnail: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  registrations: Type.Boolean(),
  approval_required: Type.Boolean(),
  invites_enabled: Type.Boolean(),
  configuration: Type.Object({
    accounts: Type.Object({ max_featured_tags: Type.Integer() }),
    statuses: StatusesConfiguration,
    media_attachments: MediaConfiguration,
    polls: PollsConfiguration,
  }),
  contact_account: Nullable(Account),
  rules: Type.Array(Rule),
})
export type V1Instance = Type.Static<typeof V1Instance>
