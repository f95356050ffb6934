import './feed.css'
import { useTranslation } from 'react-i18next'

/** Grey stand-ins for posts while they load (still under prefers-reduced-motion). */
export function PostSkeleton({ count = 1 }: { count?: number }) {
  const { t } = useTranslation()
  return (
    <div className="post-skeletons">
      <span className="visually-hidden" role="status">
        {t('feed.loading')}
      </span>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders
        <div key={i} className="card post-skeleton" aria-hidden="true">
          <div className="post-skeleton-head">
            <span className="skeleton skeleton-circle" />
            <span className="post-skeleton-lines">
              <span className="skeleton skeleton-line" style={{ inlineSize: '40%' }} />
              <span className="skeleton skeleton-line" style={{ inlineSize: '25%' }} />
            </span>
          </div>
          <span className="skeleton skeleton-line" />
          <span className="skeleton skeleton-line" style={{ inlineSize: '85%' }} />
          <span className="skeleton skeleton-line" style={{ inlineSize: '60%' }} />
          {i % 2 === 0 && <span className="skeleton skeleton-block" />}
        </div>
      ))}
    </div>
  )
}
