import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Avatar } from '../../components/Avatar.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { PostContent } from './PostContent.tsx'
import { avatarOf, displayName, type InnerStatus, postPath } from './post-model.ts'

/** A shared post shown inside another ("share with your thoughts"): compact, its first photo only. */
export function QuotedPost({ post, linked = true }: { post: InnerStatus | null; linked?: boolean }) {
  const { t } = useTranslation()
  if (!post) return <p className="quoted quoted-missing">{t('post.quote_unavailable')}</p>
  const photo = post.media_attachments[0]
  const head = (
    <>
      <Avatar user={avatarOf(post.account)} size={24} />
      <span className="quoted-name" dir="auto">
        {displayName(post.account)}
      </span>
      <span className="quoted-time">
        <RelativeTime iso={post.created_at} />
      </span>
    </>
  )
  return (
    <div className="quoted">
      {linked ? (
        <Link className="quoted-head" to={postPath(post)}>
          {head}
          <span className="visually-hidden">{t('post.open_quoted')}</span>
        </Link>
      ) : (
        <div className="quoted-head">{head}</div>
      )}
      {post.spoiler_text ? (
        <p className="quoted-warning" dir="auto">
          {post.spoiler_text}
        </p>
      ) : (
        <PostContent html={post.content} lang={post.language} className="post-text quoted-text" />
      )}
      {photo && !post.spoiler_text && !post.sensitive && (
        <img
          className="quoted-photo"
          src={photo.preview_url ?? photo.url}
          alt={photo.description ?? ''}
          loading="lazy"
        />
      )}
    </div>
  )
}
