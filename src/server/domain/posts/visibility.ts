// Who may see a post: the one place the audience rules live. Every endpoint, feed, stream and
// search filters through `postVisibleTo`, so a rule changed here changes everywhere at once.
//
//   public, unlisted   everyone (signed-in members only, when the author's profile is members-only)
//   private            the author's followers (friends follow each other), and people mentioned
//   friends            the author's friends, and people mentioned      (Kith; `private` to Mastodon)
//   direct             people mentioned
// The author always sees their own posts. Blocks hide everything both ways; suspended authors'
// posts are hidden. Mutes hide posts from feeds, not from a direct link.
// Moderation: a post held by a server-wide filter (held_at) is seen by its author only; the public
// posts of a limited account (limited_at) are seen only by its followers.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Database } from '../../db/schema.ts'

type PostsEb = ExpressionBuilder<Database, 'posts'>

export function postVisibleTo(viewerId: string | null) {
  return (eb: PostsEb): Expression<SqlBool> => {
    const author = eb.ref('posts.account_id')
    const authorOk = eb.exists(
      eb
        .selectFrom('accounts as author')
        .select('author.id')
        .whereRef('author.id', '=', author)
        .where('author.suspended_at', 'is', null)
        .$if(viewerId === null, (q) =>
          q.where('author.profile_visibility', '=', 'public').where('author.limited_at', 'is', null),
        ),
    )
    const notHeld = eb('posts.held_at', 'is', null)
    if (viewerId === null) {
      return eb.and([eb('posts.visibility', 'in', ['public', 'unlisted']), notHeld, authorOk])
    }
    const authorNotLimited = eb.exists(
      eb.selectFrom('accounts as la').select('la.id').whereRef('la.id', '=', author).where('la.limited_at', 'is', null),
    )
    const mentioned = eb.exists(
      eb
        .selectFrom('post_mentions as m')
        .select('m.post_id')
        .whereRef('m.post_id', '=', 'posts.id')
        .where('m.account_id', '=', viewerId),
    )
    const follows = eb.exists(
      eb
        .selectFrom('follows as f')
        .select('f.id')
        .where('f.account_id', '=', viewerId)
        .whereRef('f.target_account_id', '=', author),
    )
    const friends = eb.exists(
      eb
        .selectFrom('friendships as fr')
        .select('fr.id')
        .where('fr.account_id', '=', viewerId)
        .whereRef('fr.friend_id', '=', author),
    )
    const blocked = eb.exists(
      eb
        .selectFrom('blocks as b')
        .select('b.id')
        .where((w) =>
          w.or([
            w.and([w('b.account_id', '=', viewerId), w('b.target_account_id', '=', author)]),
            w.and([w('b.account_id', '=', author), w('b.target_account_id', '=', viewerId)]),
          ]),
        ),
    )
    return eb.or([
      eb('posts.account_id', '=', viewerId),
      eb.and([
        authorOk,
        notHeld,
        eb.not(blocked),
        eb.or([
          eb.and([eb('posts.visibility', 'in', ['public', 'unlisted']), eb.or([authorNotLimited, follows])]),
          eb.and([eb('posts.visibility', '=', 'private'), eb.or([follows, mentioned])]),
          eb.and([eb('posts.visibility', '=', 'friends'), eb.or([friends, mentioned])]),
          eb.and([eb('posts.visibility', '=', 'direct'), mentioned]),
        ]),
      ]),
    ])
  }
}

/** For feeds: drops authors the viewer muted (unexpired) or blocked, and replies to them. */
export function notMutedBy(viewerId: string, nowIso: string) {
  return (eb: PostsEb): Expression<SqlBool> =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('mutes as mu')
          .select('mu.id')
          .where('mu.account_id', '=', viewerId)
          .where((w) => w.or([w('mu.expires_at', 'is', null), w('mu.expires_at', '>', nowIso)]))
          .where((w) =>
            w.or([
              w('mu.target_account_id', '=', w.ref('posts.account_id')),
              w('mu.target_account_id', '=', w.ref('posts.in_reply_to_account_id')),
            ]),
          ),
      ),
    )
}
