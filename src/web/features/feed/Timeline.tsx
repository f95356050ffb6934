import './feed.css'
import { type ReactNode, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { ArrowUpIcon } from '../../components/post-icons.tsx'
import { describeError } from '../../lib/errors.ts'
import { PostCard } from '../post/PostCard.tsx'
import { PostListContext } from '../post/post-list.tsx'
import { PostSkeleton } from './PostSkeleton.tsx'
import type { TimelineState } from './use-timeline.ts'

type Props = {
  timeline: TimelineState
  /** The feed's accessible name. */
  label: string
  empty: ReactNode
}

/** A feed of post cards: skeletons, then posts; older ones load as you scroll, newer ones wait behind a pill. */
export function Timeline({ timeline, label, empty }: Props) {
  const { t, i18n } = useTranslation()
  const sentinel = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const visible = useRef(false)
  const { items, pending, first, more, loadMore } = timeline

  // Older posts load when the end of the list comes within a screen or so of view.
  useEffect(() => {
    const el = sentinel.current
    if (!el || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      ([entry]) => {
        visible.current = entry.isIntersecting
        if (entry.isIntersecting) void loadMore()
      },
      { rootMargin: '0px 0px 900px 0px' },
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [loadMore])

  // A short page can leave the end in view, which the observer does not report again: keep going.
  useEffect(() => {
    if (more === 'idle' && first === 'ready' && visible.current) void loadMore()
  }, [more, first, loadMore])

  const reveal = () => {
    const firstNew = pending[0]?.id
    timeline.reveal()
    requestAnimationFrame(() => {
      const top = listRef.current?.getBoundingClientRect().top ?? 0
      window.scrollBy({
        top: top - 90,
        behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth',
      })
      listRef.current?.querySelector<HTMLElement>(`[data-post-id="${firstNew}"]`)?.focus({ preventScroll: true })
    })
  }

  return (
    <PostListContext.Provider value={timeline.actions}>
      {pending.length > 0 && (
        <div className="new-posts">
          <button type="button" className="new-posts-pill" onClick={reveal}>
            <ArrowUpIcon size={18} />
            {t('feed.new_posts', {
              count: pending.length,
              formatted: new Intl.NumberFormat(i18n.language).format(pending.length),
            })}
          </button>
        </div>
      )}

      {first === 'loading' && <PostSkeleton count={3} />}
      {first === 'error' && (
        <Alert
          tone="error"
          title={t('feed.load_failed')}
          actions={
            <Button variant="secondary" size="sm" onClick={timeline.retry}>
              {t('common.try_again')}
            </Button>
          }
        >
          {describeError(t, timeline.error)}
        </Alert>
      )}
      {first === 'ready' && items.length === 0 && empty}

      {items.length > 0 && (
        <div ref={listRef} role="feed" aria-label={label} aria-busy={more === 'loading'} className="feed-list">
          {items.map((s, i) => (
            <PostCard key={s.id} status={s} position={i + 1} />
          ))}
        </div>
      )}

      {more === 'loading' && <PostSkeleton />}
      {more === 'error' && (
        <Alert
          tone="error"
          title={t('feed.more_failed')}
          actions={
            <Button variant="secondary" size="sm" onClick={timeline.retryMore}>
              {t('common.try_again')}
            </Button>
          }
        >
          {describeError(t, timeline.error)}
        </Alert>
      )}
      {more === 'end' && items.length > 3 && <p className="feed-end">{t('feed.end')}</p>}
      <div ref={sentinel} className="feed-sentinel" aria-hidden="true" />
    </PostListContext.Provider>
  )
}
