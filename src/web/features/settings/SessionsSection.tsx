import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listSessions, revokeSession, type SessionInfo } from '../../api/settings.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { ConfirmButton } from '../../components/ConfirmButton.tsx'
import { MonitorIcon, PhoneIcon } from '../../components/icons.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useLocale } from '../../context/locale.tsx'
import { describeError } from '../../lib/errors.ts'
import { formatDateTime, formatRelative } from '../../lib/format.ts'
import { useLoad } from '../../lib/use-load.ts'
import { describeUserAgent } from '../../lib/user-agent.ts'

export function SessionsSection() {
  const { t } = useTranslation()
  const sessions = useLoad(listSessions)
  const [failure, setFailure] = useState<string | null>(null)

  const revoke = async (id: string) => {
    setFailure(null)
    try {
      await revokeSession(id)
      sessions.reload()
    } catch (err) {
      setFailure(describeError(t, err))
    }
  }

  // The current device first, then the most recently active.
  const sorted = [...(sessions.data ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.last_seen_at.localeCompare(a.last_seen_at),
  )

  return (
    <section className="card settings-card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('settings.sessions.heading')}</h2>
      <p className="muted">{t('settings.sessions.intro')}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      {sessions.loading && !sessions.data ? (
        <div className="center">
          <Spinner />
        </div>
      ) : sessions.error ? (
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" size="sm" onClick={sessions.reload}>
              {t('common.try_again')}
            </Button>
          }
        >
          {describeError(t, sessions.error)}
        </Alert>
      ) : (
        <ul className="item-list">
          {sorted.map((session) => (
            <SessionItem key={session.id} session={session} onRevoke={() => revoke(session.id)} />
          ))}
        </ul>
      )}
    </section>
  )
}

function SessionItem({ session, onRevoke }: { session: SessionInfo; onRevoke: () => Promise<void> }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const device = describeUserAgent(session.user_agent)
  const name =
    device.browser && device.os
      ? t('settings.sessions.browser_on_os', { browser: device.browser, os: device.os })
      : (device.browser ?? device.os ?? t('settings.sessions.unknown_device'))

  return (
    <li className="item">
      <span className="item-icon">{device.mobile ? <PhoneIcon /> : <MonitorIcon />}</span>
      <div className="item-body">
        <p className="item-title">
          <span>{name}</span>
          {session.current && <span className="badge badge-brand">{t('settings.sessions.this_device')}</span>}
        </p>
        <p className="item-meta">
          <span dir="ltr">{session.ip}</span>
          <span aria-hidden="true"> · </span>
          <span title={formatDateTime(session.last_seen_at, locale)}>
            {t('settings.sessions.last_seen', { when: formatRelative(session.last_seen_at, locale) })}
          </span>
        </p>
        <p className="item-meta">
          {t('settings.sessions.signed_in', { when: formatDateTime(session.created_at, locale) })}
        </p>
      </div>
      {!session.current && (
        <div className="item-actions">
          <ConfirmButton
            question={t('settings.sessions.revoke_question')}
            confirmLabel={t('settings.sessions.revoke_confirm')}
            onConfirm={onRevoke}
          >
            {t('settings.sessions.revoke')}
          </ConfirmButton>
        </div>
      )}
    </li>
  )
}
