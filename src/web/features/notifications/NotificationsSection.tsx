import './notifications.css'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  getNotificationPreferences,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationPreferences,
  updateNotificationPreferences,
} from '../../api/notifications.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { showToast, Toaster } from '../../components/Toaster.tsx'
import { describeError } from '../../lib/errors.ts'
import { kindKey } from './notification-model.ts'

// Kinds in the order people think of them: what happens to your posts, then people, then the site.
const GROUPS: { key: string; kinds: NotificationKind[] }[] = [
  {
    key: 'posts',
    kinds: ['kith:comment', 'kith:reply', 'mention', 'kith:reaction', 'reblog', 'quote', 'update', 'poll'],
  },
  { key: 'people', kinds: ['kith:friend_request', 'kith:friend_accepted', 'follow', 'follow_request'] },
  { key: 'site', kinds: ['moderation_warning'] },
]
const DELIVERIES: NotificationDelivery[] = ['in_app', 'email', 'off']

/** Settings → Notifications: per kind in the app, by email too, or off; and the daily digest. Saves on change. */
export function NotificationsSection() {
  const { t } = useTranslation()
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [saving, setSaving] = useState<string | null>(null)

  const load = useCallback(() => {
    setError(null)
    getNotificationPreferences().then(setPrefs, setError)
  }, [])
  useEffect(load, [load])

  const save = async (what: string, change: Parameters<typeof updateNotificationPreferences>[0]) => {
    if (!prefs) return
    const before = prefs
    // Shown at once; put back if the server says no.
    setPrefs({ types: { ...prefs.types, ...change.types }, email_digest: change.email_digest ?? prefs.email_digest })
    setSaving(what)
    try {
      setPrefs(await updateNotificationPreferences(change))
      showToast(t('notifications.settings.saved'))
    } catch (err) {
      setPrefs(before)
      showToast(describeError(t, err), 'error')
    } finally {
      setSaving(null)
    }
  }

  return (
    <section className="card settings-card notif-settings" aria-labelledby="notif-settings-heading">
      <h2 id="notif-settings-heading">{t('notifications.settings.heading')}</h2>
      <p className="muted">{t('notifications.settings.lead')}</p>
      {error ? (
        <Alert
          tone="error"
          actions={
            <Button variant="secondary" size="sm" onClick={load}>
              {t('common.try_again')}
            </Button>
          }
        >
          {describeError(t, error)}
        </Alert>
      ) : !prefs ? (
        <div className="center" role="status">
          <Spinner />
          <span className="visually-hidden">{t('notifications.loading')}</span>
        </div>
      ) : (
        <>
          {GROUPS.map((group) => (
            <div key={group.key} className="notif-pref-group">
              <h3>{t(`notifications.settings.groups.${group.key}`)}</h3>
              <ul className="notif-pref-list">
                {group.kinds.map((kind) => (
                  <li key={kind}>
                    <fieldset className="notif-pref" disabled={saving === kind}>
                      <legend className="notif-pref-label">{t(`notifications.settings.kinds.${kindKey(kind)}`)}</legend>
                      <div className="notif-choice">
                        {DELIVERIES.map((d) => (
                          <label key={d} className="notif-choice-option">
                            <input
                              type="radio"
                              name={`pref-${kindKey(kind)}`}
                              value={d}
                              checked={prefs.types[kind] === d}
                              onChange={() => void save(kind, { types: { [kind]: d } })}
                            />
                            <span>{t(`notifications.settings.delivery.${d}`)}</span>
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="notif-pref-group">
            <h3>{t('notifications.settings.digest_heading')}</h3>
            <label className="notif-digest">
              <input
                type="checkbox"
                checked={prefs.email_digest === 'daily'}
                disabled={saving === 'digest'}
                onChange={(e) => void save('digest', { email_digest: e.target.checked ? 'daily' : 'off' })}
              />
              <span className="notif-digest-text">
                <span className="notif-digest-label">{t('notifications.settings.digest_label')}</span>
                <span className="muted notif-digest-hint">{t('notifications.settings.digest_hint')}</span>
              </span>
            </label>
          </div>
        </>
      )}
      <Toaster />
    </section>
  )
}
