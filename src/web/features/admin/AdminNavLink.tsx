import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import type { CurrentUser } from '../../api/session.ts'
import { ShieldIcon } from '../../components/icons.tsx'
import { isStaff } from './permissions.ts'

/** The top bar's "Admin" entry, for staff only (the server checks every permission anyway). */
export function AdminNavLink({ user }: { user: CurrentUser }) {
  const { t } = useTranslation()
  if (!isStaff(user.role)) return null
  return (
    <li>
      <NavLink to="/admin" className="nav-link">
        <ShieldIcon />
        <span>{t('admin.nav.link')}</span>
      </NavLink>
    </li>
  )
}
