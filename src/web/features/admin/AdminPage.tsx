import './admin.css'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, NavLink, Outlet, useLocation } from 'react-router'
import type { Permission } from '../../api/admin.ts'
import { SettingsIcon } from '../../components/icons.tsx'
import { useSession } from '../../context/session.tsx'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { DashboardIcon, FilterIcon, FlagIcon, ListIcon, PeopleIcon, TicketIcon } from './admin-icons.tsx'
import { Forbidden, useCan } from './admin-ui.tsx'
import { isStaff } from './permissions.ts'

export const adminSections = [
  { path: 'dashboard', icon: DashboardIcon, permission: 'view_dashboard' },
  { path: 'reports', icon: FlagIcon, permission: 'manage_reports' },
  { path: 'people', icon: PeopleIcon, permission: 'manage_users' },
  { path: 'settings', icon: SettingsIcon, permission: 'manage_settings' },
  { path: 'filters', icon: FilterIcon, permission: 'manage_filters' },
  { path: 'invites', icon: TicketIcon, permission: 'manage_invites' },
  { path: 'audit', icon: ListIcon, permission: 'view_audit_log' },
] as const satisfies readonly { path: string; icon: unknown; permission: Permission }[]

/** The /admin area: its own navigation (a sidebar, or a row of pills on phones) and the section. */
export function AdminPage() {
  const { t } = useTranslation()
  const { user } = useSession()
  const can = useCan()
  const navRef = useRef<HTMLElement>(null)
  const { pathname } = useLocation()
  const sections = adminSections.filter((s) => can(s.permission))

  // On phones the pills scroll sideways: keep the current one in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation
  useEffect(() => {
    const active = navRef.current?.querySelector<HTMLElement>('.active')
    const list = active?.closest('ul')
    if (active && list && list.scrollWidth > list.clientWidth) {
      active.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    }
  }, [pathname])

  if (!isStaff(user?.role)) return <MembersForbidden />

  return (
    <div className="admin-layout">
      <aside className="admin-side">
        <p className="admin-side-title" id="admin-nav-title">
          {t('admin.title')}
        </p>
        <nav className="admin-nav" aria-labelledby="admin-nav-title" ref={navRef}>
          <ul>
            {sections.map(({ path, icon: Icon }) => (
              <li key={path}>
                <NavLink to={`/admin/${path}`} className="admin-tab">
                  <Icon size={18} />
                  <span>{t(`admin.nav.${path}`)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="admin-content">
        <Outlet />
      </div>
    </div>
  )
}

function MembersForbidden() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.forbidden.title'))
  return (
    <div className="admin-forbidden-page">
      <Forbidden />
    </div>
  )
}

/** /admin itself: the first section this person may open. */
export function AdminIndex() {
  const can = useCan()
  const first = adminSections.find((s) => can(s.permission))
  return <Navigate to={`/admin/${first?.path ?? 'dashboard'}`} replace />
}
