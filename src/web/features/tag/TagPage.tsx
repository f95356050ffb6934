import '../feed/feed.css'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { tagTimelineLoader } from '../../api/timelines.ts'
import { HashIcon } from '../../components/post-icons.tsx'
import { Toaster } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { Composer } from '../compose/Composer.tsx'
import { Timeline } from '../feed/Timeline.tsx'
import { useTimeline } from '../feed/use-timeline.ts'

/** `/tags/:tag`: every post with the hashtag that the reader may see, newest first. */
export function TagPage() {
  const { t } = useTranslation()
  const { user } = useSession()
  const tag = decodeURIComponent(useParams().tag ?? '').replace(/^#/, '')
  const load = useMemo(() => tagTimelineLoader(tag), [tag])
  const timeline = useTimeline(load, `tag:${tag.toLowerCase()}`, { insertOwn: false })
  useDocumentTitle(`#${tag}`)

  return (
    <div className="feed-page">
      <Toaster />
      <header className="card tag-head">
        <span className="tag-head-icon">
          <HashIcon size={26} />
        </span>
        <div>
          <h1 dir="auto">#{tag}</h1>
          <p className="muted">{t('tag.lead')}</p>
        </div>
      </header>
      {user && (
        <Composer
          key={tag}
          initialText={`#${tag} `}
          onPosted={(s) => s.tags.some((x) => x.name === tag.toLowerCase()) && timeline.add(s)}
        />
      )}
      <Timeline
        timeline={timeline}
        label={t('tag.feed_label', { tag })}
        empty={
          <section className="card empty-state" aria-labelledby="tag-empty-title">
            <span className="empty-state-icon">
              <HashIcon size={28} />
            </span>
            <h2 id="tag-empty-title">{t('tag.empty_title', { tag })}</h2>
            <p className="muted">{user ? t('tag.empty_body') : t('tag.empty_body_signed_out')}</p>
          </section>
        }
      />
    </div>
  )
}
