import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { accountStatusesLoader } from '../../api/timelines.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { describeError } from '../../lib/errors.ts'
import { nameOf } from './account-model.ts'
import { useBlurhash } from './blurhash.ts'
import { PhotoIcon } from './graph-icons.tsx'
import { type Photo, photosOf } from './photos.ts'
import { useProfile } from './profile-context.ts'

export function PhotoTile({ photo }: { photo: Photo }) {
  const { t } = useTranslation()
  const placeholder = useBlurhash(photo.media.blurhash)
  const alt = photo.media.description || t('profile.photo_alt', { name: nameOf(photo.status.account) })
  return (
    <Link
      to={photo.path}
      className="photo-tile"
      style={placeholder ? { backgroundImage: `url(${placeholder})` } : undefined}
    >
      <img src={photo.media.preview_url ?? photo.media.url} alt={alt} loading="lazy" decoding="async" />
    </Link>
  )
}

/** Every photo the person posted that the viewer may see, newest first, a page at a time. */
export function ProfilePhotosTab() {
  const { t } = useTranslation()
  const { account } = useProfile()
  const [photos, setPhotos] = useState<Photo[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<unknown>(null)

  const load = useCallback(
    async (maxId?: string) => {
      setState('loading')
      try {
        const page = await accountStatusesLoader(account.id, { only_media: true })({ max_id: maxId, limit: 20 })
        setPhotos((list) => (maxId ? [...list, ...photosOf(page.items)] : photosOf(page.items)))
        setNext(page.items.length >= 20 ? page.maxId : null)
        setState('ready')
      } catch (err) {
        setError(err)
        setState('error')
      }
    },
    [account.id],
  )

  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="card profile-section" aria-labelledby="photos-heading">
      <h2 id="photos-heading">{t('profile.tabs.photos')}</h2>
      {photos.length > 0 && (
        <ul className="photo-grid">
          {photos.map((p) => (
            <li key={p.media.id}>
              <PhotoTile photo={p} />
            </li>
          ))}
        </ul>
      )}
      {state === 'ready' && photos.length === 0 && (
        <div className="empty-inline">
          <PhotoIcon size={28} />
          <p>{t('profile.no_photos', { name: nameOf(account) })}</p>
        </div>
      )}
      {state === 'loading' && (
        <div className="center" role="status">
          <Spinner />
          <span className="visually-hidden">{t('common.loading')}</span>
        </div>
      )}
      {state === 'error' && (
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" size="sm" onClick={() => load(next ?? undefined)}>
              {t('common.try_again')}
            </Button>
          }
        >
          {describeError(t, error)}
        </Alert>
      )}
      {state === 'ready' && next && (
        <Button variant="secondary" block onClick={() => load(next)}>
          {t('profile.load_more')}
        </Button>
      )}
    </section>
  )
}
