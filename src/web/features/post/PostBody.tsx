import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WarningIcon } from '../../components/post-icons.tsx'
import { LinkCard } from './LinkCard.tsx'
import { MediaGrid } from './MediaGrid.tsx'
import { PollView } from './PollView.tsx'
import { PostContent } from './PostContent.tsx'
import type { InnerStatus, Post } from './post-model.ts'
import { textLength } from './post-model.ts'
import { QuotedPost } from './QuotedPost.tsx'

const FOLD_AT = 700

/**
 * Everything a post says: the content warning (hiding the rest until "Show more"), the text
 * (folded in feeds when long), the poll, photos, link preview and quoted post.
 */
export function PostBody({
  post,
  full = false,
  compact = false,
}: {
  post: Post | InnerStatus
  full?: boolean
  compact?: boolean
}) {
  const { t } = useTranslation()
  const [revealed, setRevealed] = useState(false)
  const [unfolded, setUnfolded] = useState(false)
  const bodyId = useId()
  const warned = post.spoiler_text.trim() !== ''
  const long = !full && textLength(post.content) > FOLD_AT
  const quote = 'quote' in post ? post.quote : null
  const hasText = post.content.replace(/<[^>]+>/g, '').trim() !== ''
  const short =
    !compact && hasText && !post.poll && post.media_attachments.length === 0 && !quote && textLength(post.content) < 90

  return (
    <div className="post-body">
      {warned && (
        <div className="post-warning">
          <WarningIcon size={18} />
          <p className="post-warning-text" dir="auto">
            {post.spoiler_text}
          </p>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            aria-expanded={revealed}
            aria-controls={bodyId}
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? t('post.show_less') : t('post.show_more')}
          </button>
        </div>
      )}
      <div id={bodyId} hidden={warned && !revealed} className="post-body-inner">
        {hasText && (
          <div className={long && !unfolded ? 'post-text-wrap folded' : 'post-text-wrap'}>
            <PostContent
              html={post.content}
              lang={post.language}
              className={short ? 'post-text post-text-large' : compact ? 'post-text post-text-compact' : 'post-text'}
            />
            {long && !unfolded && (
              <button type="button" className="link-button post-see-more" onClick={() => setUnfolded(true)}>
                {t('post.see_more')}
              </button>
            )}
          </div>
        )}
        {post.poll && <PollView post={post} />}
        <MediaGrid media={post.media_attachments} sensitive={post.sensitive && !warned} />
        {post.card && post.media_attachments.length === 0 && !quote && <LinkCard card={post.card} />}
        {quote && <QuotedPost post={quote.quoted_status} />}
      </div>
    </div>
  )
}
