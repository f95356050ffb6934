import './friends.css'
import '../profile/profile.css'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { Toaster } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { FriendCheckIcon, FriendsIcon, InboxIcon, SparkIcon } from '../profile/graph-icons.tsx'
import { refreshOwnAccount, useOwnAccount } from './own-account.ts'

/** `/friends`: requests, people you may know, all your friends, and follow requests when locked. */
export function FriendsPage() {
  const { t, i18n } = useTranslation()
  const { user } = useSession()
  const account = useOwnAccount(user?.id ?? null)
  useDocumentTitle(t('friends.title'))

  useEffect(() => {
    void refreshOwnAccount()
  }, [])

  const number = new Intl.NumberFormat(i18n.language)
  const friendRequests = account?.source.friend_requests_count ?? 0
  const followRequests = account?.source.follow_requests_count ?? 0
  const tabs = [
    { to: '/friends', end: true, label: t('friends.tabs.requests'), icon: InboxIcon, count: friendRequests },
    { to: '/friends/suggestions', label: t('friends.tabs.suggestions'), icon: SparkIcon, count: 0 },
    { to: '/friends/all', label: t('friends.tabs.all'), icon: FriendsIcon, count: 0 },
    ...(account?.locked || followRequests > 0
      ? [
          {
            to: '/friends/follow_requests',
            label: t('friends.tabs.follow_requests'),
            icon: FriendCheckIcon,
            count: followRequests,
          },
        ]
      : []),
  ]

  return (
    <div className="friends-layout">
      <div className="friends-side">
        <h1 className="page-title">{t('friends.title')}</h1>
        <nav className="friends-nav" aria-label={t('friends.sections_label')}>
          <ul>
            {tabs.map(({ to, end, label, icon: Icon, count }) => (
              <li key={to}>
                <NavLink to={to} end={end} className="friends-tab">
                  <span className="friends-tab-icon">
                    <Icon size={18} />
                  </span>
                  <span className="friends-tab-label">{label}</span>
                  {count > 0 && (
                    <span className="count-badge">
                      {number.format(count)}
                      <span className="visually-hidden"> {t('friends.waiting', { count })}</span>
                    </span>
                  )}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="friends-content">
        <Outlet />
      </div>
      <Toaster />
    </div>
  )
}
