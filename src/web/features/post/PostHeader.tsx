import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Avatar } from '../../components/Avatar.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { AudienceIcon } from '../compose/audience.tsx'
import { HistoryDialog } from './HistoryDialog.tsx'
import { avatarOf, displayName, type Post, postPath, profilePath } from './post-model.ts'

/** Who posted, when (linking to the post's page), to whom, and whether it was edited. */
export function PostHeader({ post, nameId, menu }: { post: Post; nameId: string; menu?: ReactNode }) {
  const { t } = useTranslation()
  const [history, setHistory] = useState(false)
  const audience = post.kith.visibility
  return (
    <header className="post-head">
      <Link to={profilePath(post.account)} className="post-avatar" tabIndex={-1} aria-hidden="true">
        <Avatar user={avatarOf(post.account)} size={40} />
      </Link>
      <div className="post-head-text">
        <p className="post-author">
          <Link to={profilePath(post.account)} id={nameId} className="post-name" dir="auto">
            {displayName(post.account)}
          </Link>
          <span className="post-handle" dir="ltr">
            @{post.account.acct}
          </span>
        </p>
        <p className="post-meta">
          <Link to={postPath(post)} className="post-time">
            <RelativeTime iso={post.created_at} />
          </Link>
          <span aria-hidden="true">·</span>
          <span className="post-audience" title={t(`compose.audience.${audience}`)}>
            <AudienceIcon visibility={audience} size={14} />
            <span className="visually-hidden">{t(`compose.audience.${audience}`)}</span>
          </span>
          {post.edited_at && (
            <>
              <span aria-hidden="true">·</span>
              <button type="button" className="post-edited" onClick={() => setHistory(true)} aria-haspopup="dialog">
                {t('post.edited')}
              </button>
            </>
          )}
        </p>
      </div>
      {menu}
      {post.edited_at && <HistoryDialog post={post} open={history} onClose={() => setHistory(false)} />}
    </header>
  )
}
