import './settings.css'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { GridIcon, LockIcon, MonitorIcon, ShieldIcon, UserIcon } from '../../components/icons.tsx'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { BellIcon } from '../notifications/notification-icons.tsx'
import { BlockIcon, MuteIcon } from '../profile/graph-icons.tsx'

const sections = [
  { path: 'profile', icon: UserIcon },
  { path: 'account', icon: LockIcon },
  { path: 'notifications', icon: BellIcon, label: 'notifications.settings.tab' },
  { path: 'two_factor', icon: ShieldIcon },
  { path: 'sessions', icon: MonitorIcon },
  { path: 'apps', icon: GridIcon },
  { path: 'blocked', icon: BlockIcon, label: 'graph_settings.tabs.blocked' },
  { path: 'muted', icon: MuteIcon, label: 'graph_settings.tabs.muted' },
] as const

export function SettingsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('settings.title'))
  return (
    <div className="settings-layout">
      <div className="settings-side">
        <h1 className="page-title">{t('settings.title')}</h1>
        <nav className="settings-nav" aria-label={t('settings.sections_label')}>
          <ul>
            {sections.map(({ path, icon: Icon, ...s }) => (
              <li key={path}>
                <NavLink to={`/settings/${path}`} className="settings-tab">
                  <Icon size={18} />
                  <span>{t('label' in s ? s.label : `settings.tabs.${path}`)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className="settings-content">
        <Outlet />
      </div>
    </div>
  )
}
