import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Account } from '../../api/accounts.ts'
import { ApiError } from '../../api/client.ts'
import { listFriends } from '../../api/friends.ts'
import { accountStatusesLoader } from '../../api/timelines.ts'
import { useLoad } from '../../lib/use-load.ts'
import { AccountAvatar } from './AccountAvatar.tsx'
import { nameOf, profilePathOf } from './account-model.ts'
import { PhotoTile } from './ProfilePhotosTab.tsx'
import { photosOf } from './photos.ts'

/** Nine recent photos, as on the side of a Facebook profile. */
export function PhotosPreview({ account }: { account: Account }) {
  const { t } = useTranslation()
  const { data } = useLoad(() => accountStatusesLoader(account.id, { only_media: true })({ limit: 9 }), [account.id])
  const photos = data ? photosOf(data.items).slice(0, 9) : []
  if (photos.length === 0) return null
  return (
    <section className="card profile-card" aria-labelledby="photos-preview-heading">
      <div className="profile-card-head">
        <h2 id="photos-preview-heading">{t('profile.tabs.photos')}</h2>
        <Link to={`${profilePathOf(account)}/photos`}>{t('profile.see_all_photos')}</Link>
      </div>
      <ul className="photo-grid photo-grid-small">
        {photos.map((p) => (
          <li key={p.media.id}>
            <PhotoTile photo={p} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Up to nine friends with the count, or a word on why the list is hidden. */
export function FriendsPreview({ account }: { account: Account }) {
  const { t, i18n } = useTranslation()
  const { data, error } = useLoad(() => listFriends({ account_id: account.id, limit: 9 }), [account.id])
  const hidden = error instanceof ApiError && (error.status === 403 || error.status === 401)
  if (account.friends_count === 0 && !hidden) return null
  return (
    <section className="card profile-card" aria-labelledby="friends-preview-heading">
      <div className="profile-card-head">
        <h2 id="friends-preview-heading">{t('profile.tabs.friends')}</h2>
        {!hidden && <Link to={`${profilePathOf(account)}/friends`}>{t('profile.see_all_friends')}</Link>}
      </div>
      <p className="muted small">
        {t('profile.counts.friends', {
          count: account.friends_count,
          formatted: new Intl.NumberFormat(i18n.language).format(account.friends_count),
        })}
      </p>
      {hidden ? (
        <p className="muted small">{t('profile.friends_hidden', { name: nameOf(account) })}</p>
      ) : (
        <ul className="friend-grid-small">
          {data?.items.map((f) => (
            <li key={f.account.id}>
              <Link to={profilePathOf(f.account)} className="friend-tile-small">
                <AccountAvatar account={f.account} size={96} className="friend-tile-picture" />
                <bdi>{nameOf(f.account)}</bdi>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
