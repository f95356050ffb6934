// Mastodon Status and its parts as TypeBox schemas (https://docs.joinmastodon.org/entities/Status/),
// plus Kith's extensions in a `kith` object that Mastodon clients ignore.
import { type TSchema, Type } from 'typebox'
import { Account, CustomEmoji, Nullable } from './mastodon-entities.ts'

export const REACTIONS = ['like', 'love', 'haha', 'wow', 'sad', 'angry'] as const
export type ReactionKind = (typeof REACTIONS)[number]

/** Kith's audiences. `friends` is shown to Mastodon clients as `private`. */
export const KITH_VISIBILITIES = ['public', 'unlisted', 'private', 'friends', 'direct'] as const
export type KithVisibility = (typeof KITH_VISIBILITIES)[number]

export const MediaAttachment = Type.Object({
  id: Type.String(),
  type: Type.Union([
    Type.Literal('image'),
    Type.Literal('gifv'),
    Type.Literal('video'),
    Type.Literal('audio'),
    Type.Literal('unknown'),
  ]),
  url: Type.String(),
  preview_url: Nullable(Type.String()),
  remote_url: Nullable(Type.String()),
  meta: Type.Object({
    original: Type.Optional(
      Type.Object({ width: Type.Integer(), height: Type.Integer(), size: Type.String(), aspect: Type.Number() }),
    ),
    small: Type.Optional(
      Type.Object({ width: Type.Integer(), height: Type.Integer(), size: Type.String(), aspect: Type.Number() }),
    ),
    focus: Type.Optional(Type.Object({ x: Type.Number(), y: Type.Number() })),
  }),
  description: Nullable(Type.String()),
  blurhash: Nullable(Type.String()),
})
export type MediaAttachment = Type.Static<typeof MediaAttachment>

export const StatusMention = Type.Object({
  id: Type.String(),
  username: Type.String(),
  url: Type.String(),
  acct: Type.String(),
})
export const StatusTag = Type.Object({ name: Type.String(), url: Type.String() })

export const PollOption = Type.Object({ title: Type.String(), votes_count: Nullable(Type.Integer()) })
export const Poll = Type.Object({
  id: Type.String(),
  expires_at: Nullable(Type.String()),
  expired: Type.Boolean(),
  multiple: Type.Boolean(),
  votes_count: Type.Integer(),
  voters_count: Nullable(Type.Integer()),
  options: Type.Array(PollOption),
  emojis: Type.Array(CustomEmoji),
  voted: Type.Optional(Type.Boolean()),
  own_votes: Type.Optional(Type.Array(Type.Integer())),
})
export type Poll = Type.Static<typeof Poll>

export const PreviewCard = Type.Object({
  url: Type.String(),
  title: Type.String(),
  description: Type.String(),
  type: Type.Literal('link'),
  author_name: Type.String(),
  author_url: Type.String(),
  provider_name: Type.String(),
  provider_url: Type.String(),
  html: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  image: Nullable(Type.String()),
  embed_url: Type.String(),
  blurhash: Nullable(Type.String()),
})
export type PreviewCard = Type.Static<typeof PreviewCard>

export const ReactionCount = Type.Object({ name: Type.String(), count: Type.Integer(), me: Type.Boolean() })

const statusFields = {
  id: Type.String(),
  uri: Type.String(),
  url: Nullable(Type.String()),
  created_at: Type.String(),
  account: Account,
  content: Type.String(),
  visibility: Type.Union([
    Type.Literal('public'),
    Type.Literal('unlisted'),
    Type.Literal('private'),
    Type.Literal('direct'),
  ]),
  sensitive: Type.Boolean(),
  spoiler_text: Type.String(),
  media_attachments: Type.Array(MediaAttachment),
  application: Nullable(Type.Object({ name: Type.String(), website: Nullable(Type.String()) })),
  mentions: Type.Array(StatusMention),
  tags: Type.Array(StatusTag),
  emojis: Type.Array(CustomEmoji),
  reblogs_count: Type.Integer(),
  favourites_count: Type.Integer(),
  replies_count: Type.Integer(),
  quotes_count: Type.Integer(),
  in_reply_to_id: Nullable(Type.String()),
  in_reply_to_account_id: Nullable(Type.String()),
  language: Nullable(Type.String()),
  text: Nullable(Type.String()),
  edited_at: Nullable(Type.String()),
  poll: Nullable(Poll),
  card: Nullable(PreviewCard),
  favourited: Type.Optional(Type.Boolean()),
  reblogged: Type.Optional(Type.Boolean()),
  muted: Type.Optional(Type.Boolean()),
  bookmarked: Type.Optional(Type.Boolean()),
  pinned: Type.Optional(Type.Boolean()),
  filtered: Type.Array(Type.Unknown()),
  kith: Type.Object({
    visibility: Type.Union([
      Type.Literal('public'),
      Type.Literal('unlisted'),
      Type.Literal('private'),
      Type.Literal('friends'),
      Type.Literal('direct'),
    ]),
    reactions: Type.Array(ReactionCount),
    my_reaction: Nullable(Type.String()),
    thread_id: Type.String(),
  }),
}

/** A status that may carry a shared (reblogged) or quoted status one level deep. */
const Inner = Type.Object(statusFields)
export const Status = Type.Object({
  ...statusFields,
  reblog: Nullable(
    Type.Object({
      ...statusFields,
      quote: Nullable(Type.Object({ state: Type.String(), quoted_status: Nullable(Inner) })),
    }),
  ),
  quote: Nullable(Type.Object({ state: Type.String(), quoted_status: Nullable(Inner) })),
})
export type Status = Type.Static<typeof Status>
export type InnerStatus = Type.Static<typeof Inner>

export const Context = Type.Object({ ancestors: Type.Array(Status), descendants: Type.Array(Status) })

export const StatusEdit = Type.Object({
  content: Type.String(),
  spoiler_text: Type.String(),
  sensitive: Type.Boolean(),
  created_at: Type.String(),
  account: Account,
  poll: Nullable(Type.Object({ options: Type.Array(Type.Object({ title: Type.String() })) })),
  media_attachments: Type.Array(MediaAttachment),
  emojis: Type.Array(CustomEmoji),
})

export const StatusSource = Type.Object({ id: Type.String(), text: Type.String(), spoiler_text: Type.String() })

export const Marker = Type.Object({ last_read_id: Type.String(), version: Type.Integer(), updated_at: Type.String() })

export const Tag = Type.Object({
  name: Type.String(),
  url: Type.String(),
  history: Type.Array(Type.Object({ day: Type.String(), uses: Type.String(), accounts: Type.String() })),
  following: Type.Optional(Type.Boolean()),
})

export function listOf<T extends TSchema>(item: T) {
  return Type.Array(item)
}
