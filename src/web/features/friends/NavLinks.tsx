import './nav.css'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import type { CurrentUser } from '../../api/session.ts'
import { Avatar } from '../../components/Avatar.tsx'
import { AccountAvatar } from '../profile/AccountAvatar.tsx'
import { FriendsIcon } from '../profile/graph-icons.tsx'
import { useOwnAccount } from './own-account.ts'

/** "Friends" in the top bar, with the number of friend requests waiting for an answer. */
export function FriendsNavLink({ user }: { user: CurrentUser }) {
  const { t, i18n } = useTranslation()
  const account = useOwnAccount(user.id, { watch: true })
  const waiting = account?.source.friend_requests_count ?? 0
  return (
    <NavLink to="/friends" className="nav-link">
      <FriendsIcon />
      <span>{t('friends.nav')}</span>
      {waiting > 0 && (
        <span className="nav-badge">
          <span aria-hidden="true">{new Intl.NumberFormat(i18n.language).format(Math.min(waiting, 99))}</span>
          <span className="visually-hidden">{t('friends.nav_waiting', { count: waiting })}</span>
        </span>
      )}
    </NavLink>
  )
}

/** The signed-in person's picture and name, opening their profile. */
export function ProfileNavLink({ user }: { user: CurrentUser }) {
  const { t } = useTranslation()
  // NOTE: the session's `avatar` is always empty for now; the account has the real picture.
  const account = useOwnAccount(user.id)
  return (
    <NavLink to={`/@${user.username}`} className="nav-link nav-link-profile" title={t('friends.your_profile')}>
      {account ? <AccountAvatar account={account} size={28} /> : <Avatar user={user} size={28} />}
      <span className="nav-link-name" dir="auto">
        {user.display_name || user.username}
      </span>
      <span className="visually-hidden">{t('friends.your_profile_suffix')}</span>
    </NavLink>
  )
}
