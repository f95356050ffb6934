import { useTranslation } from 'react-i18next'
import { Link, NavLink } from 'react-router'
import type { Account } from '../../api/accounts.ts'
import type { Relationship } from '../../api/relationships.ts'
import { AccountAvatar } from './AccountAvatar.tsx'
import { hasHeader, nameOf, profilePathOf } from './account-model.ts'
import { useBlurhash } from './blurhash.ts'
import { CameraIcon, LockIcon } from './graph-icons.tsx'
import { ProfileActions } from './ProfileActions.tsx'
import { type MutualFriends, useMutualFriends } from './use-mutual-friends.ts'

type Props = {
  account: Account
  relationship: Relationship | undefined
  isOwn: boolean
  viewerId: string | null
}

/** Cover photo, avatar, name, counts, the relationship buttons and the tabs, as on Facebook. */
export function ProfileHeader({ account, relationship, isOwn, viewerId }: Props) {
  const { t, i18n } = useTranslation()
  const mutual = useMutualFriends(account.id, relationship?.blocking ? null : viewerId)
  const base = profilePathOf(account)
  const number = new Intl.NumberFormat(i18n.language)
  const counts = [
    { key: 'friends', to: `${base}/friends`, n: account.friends_count },
    { key: 'followers', to: `${base}/followers`, n: account.followers_count },
    { key: 'following', to: `${base}/following`, n: account.following_count },
    { key: 'posts', to: base, n: account.statuses_count },
  ] as const
  // A zero from an incomplete page isn't "no mutual friends", just "don't know".
  const mutualKnown = mutual && (mutual.count > 0 || mutual.complete) ? mutual.count : null

  return (
    <header className="card profile-hero">
      <Cover account={account} isOwn={isOwn} />
      <div className="profile-identity">
        <div className="profile-avatar-ring">
          <AccountAvatar account={account} size={168} className="profile-avatar" />
          {isOwn && (
            <Link
              className="icon-button profile-avatar-edit"
              to={`${base}/edit#pictures`}
              aria-label={t('profile.change_avatar')}
              title={t('profile.change_avatar')}
            >
              <CameraIcon size={18} />
            </Link>
          )}
        </div>
        <div className="profile-names">
          <h1>
            <bdi>{nameOf(account)}</bdi>
          </h1>
          <p className="profile-handle">
            <span dir="ltr">@{account.username}</span>
            {account.locked && (
              <span className="profile-locked" title={t('profile.locked_hint')}>
                <LockIcon size={14} />
                <span className="visually-hidden">{t('profile.locked_hint')}</span>
              </span>
            )}
            {relationship?.followed_by && !relationship.friends && (
              <span className="badge badge-muted">{t('relationship.follows_you')}</span>
            )}
          </p>
          <ul className="profile-counts">
            {counts.map((c) => (
              <li key={c.key}>
                <Link to={c.to}>{t(`profile.counts.${c.key}`, { count: c.n, formatted: number.format(c.n) })}</Link>
              </li>
            ))}
          </ul>
          {mutual && mutual.count > 0 && <MutualFaces mutual={mutual} base={base} />}
        </div>
        <ProfileActions
          account={account}
          relationship={relationship}
          isOwn={isOwn}
          signedIn={!!viewerId}
          mutualFriends={mutualKnown}
        />
      </div>
      <nav className="profile-tabs" aria-label={t('profile.tabs_label')}>
        <NavLink to={base} end className="profile-tab">
          {t('profile.tabs.posts')}
        </NavLink>
        <NavLink to={`${base}/friends`} className="profile-tab">
          {t('profile.tabs.friends')}
        </NavLink>
        <NavLink to={`${base}/photos`} className="profile-tab">
          {t('profile.tabs.photos')}
        </NavLink>
        <NavLink to={`${base}/followers`} className="profile-tab">
          {t('profile.tabs.followers')}
        </NavLink>
        <NavLink to={`${base}/following`} className="profile-tab">
          {t('profile.tabs.following')}
        </NavLink>
      </nav>
    </header>
  )
}

function Cover({ account, isOwn }: { account: Account; isOwn: boolean }) {
  const { t } = useTranslation()
  const placeholder = useBlurhash(account.header_blurhash, 48, 16)
  return (
    <div
      className={hasHeader(account) ? 'profile-cover' : 'profile-cover profile-cover-empty'}
      style={placeholder ? { backgroundImage: `url(${placeholder})` } : undefined}
    >
      {hasHeader(account) && <img src={account.header} alt="" decoding="async" />}
      {isOwn && (
        <Link className="btn btn-secondary btn-sm profile-cover-edit" to={`${profilePathOf(account)}/edit#pictures`}>
          <CameraIcon size={18} />
          <span>{hasHeader(account) ? t('profile.change_cover') : t('profile.add_cover')}</span>
        </Link>
      )}
    </div>
  )
}

function MutualFaces({ mutual, base }: { mutual: MutualFriends; base: string }) {
  const { t, i18n } = useTranslation()
  const formatted = new Intl.NumberFormat(i18n.language).format(mutual.count)
  return (
    <Link className="profile-mutual" to={`${base}/friends?mutual=1`}>
      <span className="face-stack" aria-hidden="true">
        {mutual.sample.map((a) => (
          <AccountAvatar key={a.id} account={a} size={28} />
        ))}
      </span>
      <span>
        {t(mutual.complete ? 'profile.mutual_friends' : 'profile.mutual_friends_plus', {
          count: mutual.count,
          formatted,
        })}
      </span>
    </Link>
  )
}

export function ProfileHeaderSkeleton() {
  return (
    <div className="card profile-hero" aria-hidden="true">
      <div className="profile-cover profile-cover-empty skeleton" />
      <div className="profile-identity">
        <div className="profile-avatar-ring">
          <span className="skeleton profile-avatar" style={{ inlineSize: 168, blockSize: 168, borderRadius: '50%' }} />
        </div>
        <div className="profile-names">
          <span className="skeleton skeleton-line" style={{ inlineSize: 220, blockSize: 24 }} />
          <span className="skeleton skeleton-line" style={{ inlineSize: 140 }} />
        </div>
      </div>
    </div>
  )
}
