import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { updateProfile } from '../../api/settings.ts'
import { Alert } from '../../components/Alert.tsx'
import { Avatar } from '../../components/Avatar.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx'
import { useSession } from '../../context/session.tsx'
import { type ThemePreference, useTheme } from '../../context/theme.tsx'
import { describeError, fieldErrorsFrom } from '../../lib/errors.ts'

export function ProfileSection() {
  const { t } = useTranslation()
  const { user, setUser } = useSession()
  const { preference, setPreference } = useTheme()
  const themeId = useId()
  const [displayName, setDisplayName] = useState(user?.display_name ?? '')
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  if (!user) return null

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setNotice(null)
    setError(null)
    setBusy(true)
    try {
      const result = await updateProfile({ display_name: displayName.trim() })
      setUser(result.user)
      setNotice({ tone: 'success', text: t('settings.profile.saved') })
    } catch (err) {
      setError(fieldErrorsFrom(err, ['display_name']).display_name ?? null)
      setNotice({ tone: 'error', text: describeError(t, err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section className="card settings-card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('settings.profile.heading')}</h2>
        <div className="profile-preview">
          <Avatar user={{ ...user, display_name: displayName }} size={56} />
          <div>
            <p className="profile-preview-name" dir="auto">
              {displayName.trim() || user.username}
            </p>
            <p className="muted small" dir="ltr">
              @{user.username}
            </p>
          </div>
        </div>
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        <form className="form" onSubmit={onSubmit} noValidate>
          <Field
            label={t('settings.profile.display_name')}
            hint={t('settings.profile.display_name_hint')}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            error={error}
            maxLength={60}
            autoComplete="nickname"
            dir="auto"
          />
          <div className="form-actions">
            <Button type="submit" busy={busy}>
              {t('common.save')}
            </Button>
          </div>
        </form>
      </section>

      <section className="card settings-card" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">{t('settings.profile.appearance_heading')}</h2>
        <div className="form">
          <div className="field">
            <LanguageSwitcher showLabel />
            <p className="field-hint">{t('settings.profile.language_hint')}</p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={themeId}>
              {t('settings.profile.theme')}
            </label>
            <div className="select-wrap">
              <select
                id={themeId}
                className="select"
                value={preference}
                onChange={(e) => setPreference(e.target.value as ThemePreference)}
              >
                <option value="system">{t('theme.system')}</option>
                <option value="light">{t('theme.light')}</option>
                <option value="dark">{t('theme.dark')}</option>
              </select>
            </div>
          </div>
        </div>
      </section>
    </>
  )
}
