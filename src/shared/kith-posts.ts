// Kith's own post entities, beside Mastodon's (docs/api-kith-posts.md).
import { Type } from 'typebox'
import { Account } from './mastodon-entities.ts'

/** The six reactions, as REACTIONS in mastodon-statuses.ts lists them. */
export const ReactionKindSchema = Type.Union([
  Type.Literal('like'),
  Type.Literal('love'),
  Type.Literal('haha'),
  Type.Literal('wow'),
  Type.Literal('sad'),
  Type.Literal('angry'),
])

/** Who reacted to a post, and how. `id` is the paging key (max_id / min_id). */
export const Reaction = Type.Object({
  id: Type.String(),
  kind: ReactionKindSchema,
  created_at: Type.String(),
  account: Account,
})
export type Reaction = Type.Static<typeof Reaction>
