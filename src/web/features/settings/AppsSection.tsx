import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AuthorizedApp, listApps, revokeApp } from '../../api/settings.ts'
import { Alert } from '../../components/Alert.tsx'
import { Avatar } from '../../components/Avatar.tsx'
import { Button } from '../../components/Button.tsx'
import { ConfirmButton } from '../../components/ConfirmButton.tsx'
import { ExternalIcon, GridIcon } from '../../components/icons.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useLocale } from '../../context/locale.tsx'
import { describeError } from '../../lib/errors.ts'
import { formatDate, formatRelative } from '../../lib/format.ts'
import { useLoad } from '../../lib/use-load.ts'
import { describeScope } from '../authorize/scopes.ts'

export function AppsSection() {
  const { t } = useTranslation()
  const apps = useLoad(listApps)
  const [failure, setFailure] = useState<string | null>(null)

  const revoke = async (id: string) => {
    setFailure(null)
    try {
      await revokeApp(id)
      apps.reload()
    } catch (err) {
      setFailure(describeError(t, err))
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="apps-heading">
      <h2 id="apps-heading">{t('settings.apps.heading')}</h2>
      <p className="muted">{t('settings.apps.intro')}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      {apps.loading && !apps.data ? (
        <div className="center">
          <Spinner />
        </div>
      ) : apps.error ? (
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" size="sm" onClick={apps.reload}>
              {t('common.try_again')}
            </Button>
          }
        >
          {describeError(t, apps.error)}
        </Alert>
      ) : apps.data?.length ? (
        <ul className="item-list">
          {apps.data.map((app) => (
            <AppItem key={app.id} app={app} onRevoke={() => revoke(app.id)} />
          ))}
        </ul>
      ) : (
        <div className="empty-inline">
          <GridIcon size={28} />
          <p>{t('settings.apps.empty')}</p>
        </div>
      )}
    </section>
  )
}

function AppItem({ app, onRevoke }: { app: AuthorizedApp; onRevoke: () => Promise<void> }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  return (
    <li className="item">
      <span className="item-icon">
        <Avatar user={{ avatar: null, display_name: app.name, username: app.name }} size={36} />
      </span>
      <div className="item-body">
        <p className="item-title">
          <span>{app.name}</span>
        </p>
        {app.website && (
          <p className="item-meta">
            <a href={app.website} target="_blank" rel="noopener noreferrer" dir="ltr">
              {app.website.replace(/^https?:\/\//, '')}
              <ExternalIcon size={12} />
              <span className="visually-hidden">{t('common.opens_new_tab')}</span>
            </a>
          </p>
        )}
        <ul className="scope-chips" aria-label={t('settings.apps.scopes_label')}>
          {app.scopes.map((scope) => (
            <li key={scope}>{describeScope(t, scope)}</li>
          ))}
        </ul>
        <p className="item-meta">
          {t('settings.apps.authorized', { when: formatDate(app.created_at, locale) })}
          <span aria-hidden="true"> · </span>
          {app.last_used_at
            ? t('settings.apps.last_used', { when: formatRelative(app.last_used_at, locale) })
            : t('settings.apps.never_used')}
        </p>
      </div>
      <div className="item-actions">
        <ConfirmButton
          question={t('settings.apps.revoke_question')}
          confirmLabel={t('settings.apps.revoke_confirm')}
          onConfirm={onRevoke}
        >
          {t('settings.apps.revoke')}
        </ConfirmButton>
      </div>
    </li>
  )
}
