// Small pieces every admin section uses: the 403 page, load states, headings, badges, times.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AdminAccount, Permission } from '../../api/admin.ts'
import { ApiError } from '../../api/client.ts'
import { Alert } from '../../components/Alert.tsx'
import { Avatar } from '../../components/Avatar.tsx'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useLocale } from '../../context/locale.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError } from '../../lib/errors.ts'
import { formatDateTime, formatRelative } from '../../lib/format.ts'
import type { Load } from '../../lib/use-load.ts'
import { ShieldCheckIcon } from './admin-icons.tsx'
import { permissionsFor } from './permissions.ts'

export function useCan(): (permission: Permission) => boolean {
  const { user } = useSession()
  const granted = permissionsFor(user?.role)
  return (permission) => granted.has(permission)
}

/** The friendly 403: for members who open /admin, and staff without this section's permission. */
export function Forbidden({ heading = true }: { heading?: boolean }) {
  const { t } = useTranslation()
  return (
    <section className="card admin-forbidden">
      <p className="status-code" aria-hidden="true">
        403
      </p>
      <span className="admin-forbidden-icon">
        <ShieldCheckIcon size={28} />
      </span>
      {heading ? <h1>{t('admin.forbidden.title')}</h1> : <h2>{t('admin.forbidden.title')}</h2>}
      <p className="muted">{t('admin.forbidden.body')}</p>
      <Link className="btn btn-primary" to="/">
        {t('admin.forbidden.home')}
      </Link>
    </section>
  )
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403
}

/** Spinner while loading, the 403 card when refused, an error with "Try again", else the content. */
export function Loaded<T>({ load, children }: { load: Load<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation()
  if (load.data !== undefined) return children(load.data)
  if (load.loading) {
    return (
      <div className="center admin-loading" role="status" aria-label={t('common.loading')}>
        <Spinner size={28} />
      </div>
    )
  }
  if (isForbidden(load.error)) return <Forbidden heading={false} />
  return (
    <Alert
      tone="error"
      actions={
        <Button variant="secondary" size="sm" onClick={load.reload}>
          {t('common.try_again')}
        </Button>
      }
    >
      {describeError(t, load.error)}
    </Alert>
  )
}

export function SectionHead({ title, intro, actions }: { title: ReactNode; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="admin-head">
      <div className="admin-head-text">
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
      </div>
      {actions && <div className="admin-head-actions">{actions}</div>}
    </header>
  )
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty-inline admin-empty">{children}</p>
}

/** A time shown relative ("3 hours ago") with the full date on hover and for machines. */
export function When({ iso }: { iso: string | null | undefined }) {
  const { locale } = useLocale()
  if (!iso) return null
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {formatRelative(iso, locale)}
    </time>
  )
}

/** What state a person's account is in, as small badges. */
export function AccountBadges({ account }: { account: AdminAccount }) {
  const { t } = useTranslation()
  const badges: { key: string; tone: string }[] = []
  if (account.suspended) badges.push({ key: 'suspended', tone: 'danger' })
  if (account.disabled) badges.push({ key: 'disabled', tone: 'danger' })
  if (account.limited) badges.push({ key: 'limited', tone: 'warning' })
  if (account.sensitized) badges.push({ key: 'sensitized', tone: 'warning' })
  if (!account.approved) badges.push({ key: 'pending', tone: 'info' })
  else if (!account.confirmed) badges.push({ key: 'unconfirmed', tone: 'muted' })
  if (badges.length === 0) badges.push({ key: 'active', tone: 'success' })
  return (
    <span className="admin-badges">
      {badges.map((b) => (
        <span key={b.key} className={`badge badge-${b.tone}`}>
          {t(`admin.status.${b.key}`)}
        </span>
      ))}
    </span>
  )
}

export function RoleBadge({ account }: { account: AdminAccount }) {
  const { t } = useTranslation()
  const role = roleOf(account)
  if (role === 'user') return null
  return <span className="badge badge-brand">{t(`admin.roles.${role}`)}</span>
}

/** The built-in role from Mastodon's role id (-99 everyone, 1 moderator, 2 admin, 3 owner). */
export function roleOf(account: AdminAccount): 'owner' | 'admin' | 'moderator' | 'user' {
  return ({ '1': 'moderator', '2': 'admin', '3': 'owner' } as const)[account.role.id as '1' | '2' | '3'] ?? 'user'
}

/** Avatar, name and @username, linking to the moderator's page about the person. */
export function PersonLink({ account, size = 36 }: { account: AdminAccount | null; size?: number }) {
  const { t } = useTranslation()
  if (!account) return <span className="muted">{t('admin.deleted_account')}</span>
  const a = account.account
  return (
    <Link className="admin-person" to={`/admin/people/${account.id}`}>
      <Avatar
        user={{
          avatar: a.avatar?.includes('/missing') ? null : a.avatar,
          display_name: a.display_name,
          username: a.username,
        }}
        size={size}
      />
      <span className="admin-person-names">
        <span className="admin-person-name" dir="auto">
          {a.display_name || a.username}
        </span>
        <span className="admin-person-handle" dir="ltr">
          @{a.username}
        </span>
      </span>
    </Link>
  )
}
