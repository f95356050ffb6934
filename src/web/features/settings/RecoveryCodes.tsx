import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { CopyButton } from '../../components/CopyButton.tsx'
import { useSite } from '../../context/site.tsx'

/** Shown once after two-factor is turned on; the server never shows these codes again. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation()
  const { site } = useSite()
  const [saved, setSaved] = useState(false)
  const text = codes.join('\n')
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`${site.name}\n\n${text}\n`)}`

  return (
    <section className="card settings-card" aria-labelledby="codes-heading">
      <h2 id="codes-heading">{t('settings.recovery.heading')}</h2>
      <Alert tone="success">{t('settings.recovery.enabled')}</Alert>
      <p>{t('settings.recovery.intro')}</p>
      <ul className="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <CopyButton text={text} label={t('settings.recovery.copy_all')} />
        <a className="btn btn-secondary btn-sm" href={download} download="recovery-codes.txt">
          {t('settings.recovery.download')}
        </a>
      </div>
      <div className="check">
        <input id="codes-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <label htmlFor="codes-saved">{t('settings.recovery.confirm')}</label>
      </div>
      <div className="form-actions">
        <Button disabled={!saved} onClick={onDone}>
          {t('common.done')}
        </Button>
      </div>
    </section>
  )
}
