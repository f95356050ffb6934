import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Avatar } from '../../components/Avatar.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { useSession } from '../../context/session.tsx'
import { EditPost } from './EditPost.tsx'
import { LikeButton } from './LikeButton.tsx'
import { PostBody } from './PostBody.tsx'
import { PostMenu } from './PostMenu.tsx'
import { type Account, avatarOf, displayName, postPath, profilePath, type Status } from './post-model.ts'
import { ReactionSummary } from './ReactionSummary.tsx'
import { usePostActions } from './use-post-actions.ts'

type Props = {
  comment: Status
  onReply: () => void
  /** For a reply to a reply, shown at the second level: whom it answers. */
  replyingTo?: Account | null
  highlighted?: boolean
}

/** One comment: a bubble with the author and text, then time · Like · Reply and, for your own, a menu. */
export function CommentItem({ comment, onReply, replyingTo, highlighted }: Props) {
  const { t } = useTranslation()
  const { user } = useSession()
  const actions = usePostActions(comment)
  const [editing, setEditing] = useState(false)
  const nameId = useId()
  const ref = useRef<HTMLElement>(null)

  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' })
  }, [highlighted])

  return (
    <article ref={ref} className={highlighted ? 'comment highlighted' : 'comment'} aria-labelledby={nameId}>
      <Link to={profilePath(comment.account)} className="comment-avatar" tabIndex={-1} aria-hidden="true">
        <Avatar user={avatarOf(comment.account)} size={32} />
      </Link>
      <div className="comment-main">
        {editing ? (
          <EditPost post={comment} compact onDone={() => setEditing(false)} />
        ) : (
          <div className={comment.kith.reactions.length > 0 ? 'comment-bubble has-reactions' : 'comment-bubble'}>
            <p className="comment-head">
              <Link to={profilePath(comment.account)} id={nameId} className="comment-author" dir="auto">
                {displayName(comment.account)}
              </Link>
              {replyingTo && (
                <span className="comment-replying">
                  {t('post.comments.replying_to')}{' '}
                  <Link to={profilePath(replyingTo)} dir="ltr">
                    @{replyingTo.acct}
                  </Link>
                </span>
              )}
            </p>
            <PostBody post={comment} full compact />
            {comment.kith.reactions.length > 0 && (
              <div className="comment-reactions">
                <ReactionSummary post={comment} compact />
              </div>
            )}
          </div>
        )}
        <div className="comment-meta">
          <Link to={postPath(comment)} className="comment-time">
            <RelativeTime iso={comment.created_at} />
          </Link>
          {user && <LikeButton post={comment} onReact={actions.react} compact />}
          {user && (
            <button type="button" className="comment-action" onClick={onReply}>
              {t('post.comments.reply')}
            </button>
          )}
          {comment.edited_at && <span className="comment-edited">{t('post.edited')}</span>}
          {!editing && <PostMenu post={comment} actions={actions} kind="comment" onEdit={() => setEditing(true)} />}
        </div>
      </div>
    </article>
  )
}
