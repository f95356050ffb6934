import './post.css'
import { useId, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CommentIcon, PinIcon, RepeatIcon } from '../../components/post-icons.tsx'
import { useSession } from '../../context/session.tsx'
import { signInPath } from '../../lib/return-to.ts'
import { Comments } from './Comments.tsx'
import { EditPost } from './EditPost.tsx'
import { LikeButton } from './LikeButton.tsx'
import { PostBody } from './PostBody.tsx'
import { PostHeader } from './PostHeader.tsx'
import { PostMenu } from './PostMenu.tsx'
import { displayName, type Post, postPath, profilePath, type Status } from './post-model.ts'
import { ReactionSummary } from './ReactionSummary.tsx'
import { ShareMenu } from './ShareMenu.tsx'
import { usePostActions } from './use-post-actions.ts'

export type PostCardProps = {
  status: Status
  /** `feed`: folded long text, the newest comments. `page`: everything. */
  mode?: 'feed' | 'page'
  /** A comment to scroll to and mark (a comment's own link opens its post with it highlighted). */
  highlightId?: string
  /** Position in a role="feed" list, for screen readers. */
  position?: number
  /** Shown on a profile's pinned posts. */
  showPinned?: boolean
  onDeleted?: () => void
}

/** A post as Facebook shows one: who and when, the post, reactions, Like · Comment · Share, comments. */
export function PostCard({ status, mode = 'feed', highlightId, position, showPinned, onDeleted }: PostCardProps) {
  const { t, i18n } = useTranslation()
  const { user } = useSession()
  const post: Post = status.reblog ?? status
  const actions = usePostActions(post)
  const [editing, setEditing] = useState(false)
  const [composeSignal, setComposeSignal] = useState(0)
  const nameId = useId()
  const number = new Intl.NumberFormat(i18n.language)
  const shares = post.reblogs_count + post.quotes_count
  const openComments = () => setComposeSignal((n) => n + 1)

  return (
    <article
      className="card post"
      aria-labelledby={nameId}
      aria-posinset={position}
      aria-setsize={position ? -1 : undefined}
      tabIndex={position ? -1 : undefined}
      data-post-id={post.id}
    >
      {status.reblog && (
        <p className="post-context">
          <RepeatIcon size={16} />
          <span>
            <Trans
              t={t}
              i18nKey="post.shared_by"
              values={{ name: displayName(status.account) }}
              components={{ who: <Link to={profilePath(status.account)} dir="auto" /> }}
            />
          </span>
        </p>
      )}
      {showPinned && post.pinned && (
        <p className="post-context">
          <PinIcon size={16} />
          <span>{t('post.pinned')}</span>
        </p>
      )}
      <PostHeader
        post={post}
        nameId={nameId}
        menu={
          !editing && <PostMenu post={post} actions={actions} onEdit={() => setEditing(true)} onDeleted={onDeleted} />
        }
      />
      {editing ? (
        <EditPost post={post} onDone={() => setEditing(false)} />
      ) : (
        <PostBody post={post} full={mode === 'page'} />
      )}

      {(post.kith.reactions.length > 0 || post.replies_count > 0 || shares > 0) && (
        <div className="post-stats">
          <ReactionSummary post={post} />
          <span className="post-stats-end">
            {post.replies_count > 0 && (
              <button type="button" className="post-stat" onClick={openComments}>
                {t('post.comments.count', { count: post.replies_count, formatted: number.format(post.replies_count) })}
              </button>
            )}
            {shares > 0 && (
              <span className="post-stat">{t('post.shares', { count: shares, formatted: number.format(shares) })}</span>
            )}
          </span>
        </div>
      )}

      {user && (
        <div className="post-actions">
          <LikeButton post={post} onReact={actions.react} />
          <button type="button" className="post-action" onClick={openComments}>
            <CommentIcon size={20} />
            <span>{t('post.comments.button')}</span>
          </button>
          <ShareMenu post={post} actions={actions} />
        </div>
      )}

      <Comments root={post} mode={mode} highlightId={highlightId} composeSignal={composeSignal} />
      {!user && mode === 'page' && (
        <p className="post-sign-in">
          <Link to={signInPath(postPath(post))}>{t('post.sign_in_to_join')}</Link>
        </p>
      )}
    </article>
  )
}
