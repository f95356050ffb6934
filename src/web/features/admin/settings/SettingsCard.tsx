import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { CheckIcon } from '../../../components/icons.tsx'
import { describeError } from '../../../lib/errors.ts'

type Props = {
  id: string
  title: ReactNode
  intro?: ReactNode
  children: ReactNode
  /** Without onSubmit the card is a plain section (its controls act at once). */
  onSubmit?: (e: FormEvent) => void
  busy?: boolean
  dirty?: boolean
  saved?: boolean
  error?: unknown
  /** Field errors shown next to their fields; the alert covers the rest. */
  hasFieldErrors?: boolean
  /** Content below the form (its own controls), such as the test-email sender. */
  after?: ReactNode
}

/** A settings card: heading, fields and its own "Save changes". */
export function SettingsCard({
  id,
  title,
  intro,
  children,
  onSubmit,
  busy,
  dirty,
  saved,
  error,
  hasFieldErrors,
  after,
}: Props) {
  const { t } = useTranslation()
  const head = (
    <div className="admin-card-head">
      <div>
        <h2 id={`${id}-title`}>{title}</h2>
        {intro && <p className="muted small">{intro}</p>}
      </div>
    </div>
  )
  if (!onSubmit) {
    return (
      <section className="card admin-card" id={id} aria-labelledby={`${id}-title`}>
        {head}
        {children}
      </section>
    )
  }
  return (
    <section className="card admin-card" id={id} aria-labelledby={`${id}-title`}>
      {head}
      <form className="admin-form" onSubmit={onSubmit} noValidate>
        {children}
        {error != null && (
          <Alert tone="error">{hasFieldErrors ? t('errors.validation_failed') : describeError(t, error)}</Alert>
        )}
        <div className="form-actions">
          <Button type="submit" busy={busy} disabled={!dirty && !busy}>
            {t('common.save')}
          </Button>
          {saved && !dirty && (
            <span className="admin-saved" role="status">
              <CheckIcon size={16} /> {t('admin.settings.saved')}
            </span>
          )}
        </div>
      </form>
      {after}
    </section>
  )
}
