import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { MediaAttachment } from '../../api/media.ts'
import { Dialog } from '../../components/Dialog.tsx'
import { ChevronEndIcon, ChevronStartIcon } from '../../components/post-icons.tsx'

/** One photo at a time, full size, with its alt text; arrow keys and buttons step through. */
export function Lightbox({
  media,
  index,
  onIndex,
}: {
  media: MediaAttachment[]
  index: number | null
  onIndex: (i: number | null) => void
}) {
  const { t, i18n } = useTranslation()
  const current = index === null ? null : media[index]
  const count = media.length
  const step = (by: number) => index !== null && onIndex((index + by + count) % count)
  const rtl = i18n.dir() === 'rtl'
  const open = current != null

  // Arrow keys step through the photos while the viewer is open (mirrored in right-to-left pages).
  useEffect(() => {
    if (!open || count < 2) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
      const forward = (e.key === 'ArrowRight') !== rtl
      onIndex(((index ?? 0) + (forward ? 1 : -1) + count) % count)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open, count, rtl, index, onIndex])

  return (
    <Dialog
      open={open}
      onClose={() => onIndex(null)}
      title={t('post.media.viewer_title', { n: (index ?? 0) + 1, count })}
      closeLabel={t('post.close')}
      size="full"
      className="lightbox"
    >
      {current && (
        <div className="lightbox-stage">
          <figure className="lightbox-figure">
            <img className="lightbox-image" src={current.url} alt={current.description ?? ''} />
            {current.description && (
              <figcaption className="lightbox-caption" dir="auto">
                {current.description}
              </figcaption>
            )}
          </figure>
          {count > 1 && (
            <>
              <button
                type="button"
                className="lightbox-nav lightbox-prev"
                onClick={() => step(-1)}
                aria-label={t('post.media.previous')}
              >
                <ChevronStartIcon size={28} />
              </button>
              <button
                type="button"
                className="lightbox-nav lightbox-next"
                onClick={() => step(1)}
                aria-label={t('post.media.next')}
              >
                <ChevronEndIcon size={28} />
              </button>
            </>
          )}
        </div>
      )}
    </Dialog>
  )
}
