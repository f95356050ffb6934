import './media.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MediaAttachment } from '../../api/media.ts'
import { EyeOffIcon } from '../../components/icons.tsx'
import { blurhashUrl } from '../profile/blurhash.ts'
import { Lightbox } from './Lightbox.tsx'

const SHOWN = 5

/** Up to five tiles in a Facebook-style layout ("+3" on the last); a click opens the lightbox. */
export function MediaGrid({ media, sensitive }: { media: MediaAttachment[]; sensitive: boolean }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<number | null>(null)
  const [revealed, setRevealed] = useState(!sensitive)
  if (media.length === 0) return null
  const shown = media.slice(0, SHOWN)
  const extra = media.length - shown.length
  const single = media.length === 1 ? media[0] : null
  const aspect = single ? clampAspect(single) : undefined

  return (
    <div className="post-media">
      <div
        className={`media-grid media-grid-${shown.length}${revealed ? '' : ' media-hidden'}`}
        style={aspect ? { aspectRatio: aspect } : undefined}
      >
        {shown.map((m, i) => {
          const label =
            i === SHOWN - 1 && extra > 0
              ? t('post.media.open_more', { count: extra })
              : m.description
                ? undefined
                : t('post.media.open', { n: i + 1, count: media.length })
          return (
            <button
              key={m.id}
              type="button"
              style={placeholder(m)}
              className="media-tile"
              onClick={() => setOpen(i)}
              aria-label={label}
              tabIndex={revealed ? undefined : -1}
            >
              <img
                src={m.preview_url ?? m.url}
                alt={m.description ?? ''}
                loading="lazy"
                decoding="async"
                width={m.meta.small?.width}
                height={m.meta.small?.height}
              />
              {i === SHOWN - 1 && extra > 0 && (
                <span className="media-more" aria-hidden="true" dir="ltr">
                  +{extra}
                </span>
              )}
            </button>
          )
        })}
        {!revealed && (
          <button type="button" className="media-reveal" onClick={() => setRevealed(true)}>
            <EyeOffIcon size={22} />
            <span className="media-reveal-title">{t('post.media.sensitive')}</span>
            <span className="media-reveal-action">{t('post.media.show')}</span>
          </button>
        )}
      </div>
      <Lightbox media={media} index={open} onIndex={setOpen} />
    </div>
  )
}

function clampAspect(m: MediaAttachment): number {
  const a = m.meta.small?.aspect ?? m.meta.original?.aspect ?? 4 / 3
  return Math.min(Math.max(a, 4 / 5), 2)
}

/** The photo's blurhash, drawn small and stretched behind it while it loads. */
function placeholder(m: MediaAttachment) {
  const url = blurhashUrl(m.blurhash, 16, 16)
  return url ? { backgroundImage: `url(${url})` } : undefined
}
