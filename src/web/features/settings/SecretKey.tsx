import { useTranslation } from 'react-i18next'
import { CopyButton } from '../../components/CopyButton.tsx'

/** The TOTP secret in groups of four, for typing into an app by hand. */
export function SecretKey({ secret }: { secret: string }) {
  const { t } = useTranslation()
  const grouped =
    secret
      .replace(/\s/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? secret
  return (
    <details className="secret-key">
      <summary>{t('settings.two_factor.manual_entry')}</summary>
      <p className="muted small">{t('settings.two_factor.manual_hint')}</p>
      <div className="code-box">
        <code dir="ltr" data-secret={secret}>
          {grouped}
        </code>
        <CopyButton text={secret.replace(/\s/g, '')} />
      </div>
    </details>
  )
}
