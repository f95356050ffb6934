import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { disableTwoFactor, enableTwoFactor, startTwoFactorSetup, type TwoFactorSetup } from '../../api/settings.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { CheckCircleIcon, ShieldIcon } from '../../components/icons.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError, fieldErrorsFrom } from '../../lib/errors.ts'
import { RecoveryCodes } from './RecoveryCodes.tsx'
import { SecretKey } from './SecretKey.tsx'

export function TwoFactorSection() {
  const { t } = useTranslation()
  const { user, refresh } = useSession()
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null)
  const [codes, setCodes] = useState<string[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const finish = async () => {
    setCodes(null)
    setSetup(null)
    await refresh().catch(() => {})
  }

  // Recovery codes are shown once, right after enabling, before anything else.
  if (codes) return <RecoveryCodes codes={codes} onDone={finish} />
  if (user?.two_factor_enabled) return <DisableCard onDisabled={finish} />

  const begin = async () => {
    setFailure(null)
    setBusy(true)
    try {
      setSetup(await startTwoFactorSetup())
    } catch (err) {
      setFailure(describeError(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="tfa-heading">
      <h2 id="tfa-heading">{t('settings.two_factor.heading')}</h2>
      <div className="status-row">
        <span className="badge badge-muted">{t('settings.two_factor.status_off')}</span>
      </div>
      <p className="muted">{t('settings.two_factor.intro')}</p>
      {failure && <Alert tone="error">{failure}</Alert>}
      {setup ? (
        <EnableSteps setup={setup} onEnabled={setCodes} onCancel={() => setSetup(null)} />
      ) : (
        <Button icon={<ShieldIcon size={18} />} busy={busy} onClick={begin}>
          {t('settings.two_factor.start')}
        </Button>
      )}
    </section>
  )
}

function EnableSteps({
  setup,
  onEnabled,
  onCancel,
}: {
  setup: TwoFactorSetup
  onEnabled: (codes: string[]) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const qrSrc = `data:image/svg+xml;utf8,${encodeURIComponent(setup.qr_svg)}`

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const value = code.replace(/\s/g, '')
    if (!/^\d{6}$/.test(value)) {
      setError(t('validation.totp'))
      return
    }
    setError(null)
    setBusy(true)
    try {
      const result = await enableTwoFactor(value)
      onEnabled(result.recovery_codes)
    } catch (err) {
      setBusy(false)
      setError(describeError(t, err))
    }
  }

  return (
    <ol className="setup-steps">
      <li>
        <h3>{t('settings.two_factor.step_scan')}</h3>
        <p className="muted small">{t('settings.two_factor.step_scan_hint')}</p>
        <div className="qr-frame">
          <img src={qrSrc} alt={t('settings.two_factor.qr_alt')} width={200} height={200} />
        </div>
        <SecretKey secret={setup.secret} />
      </li>
      <li>
        <h3>{t('settings.two_factor.step_confirm')}</h3>
        <form className="form" onSubmit={onSubmit} noValidate>
          <Field
            label={t('two_factor.code')}
            className="field-code"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/[^\d\s]/g, ''))}
            error={error}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            dir="ltr"
          />
          <div className="form-actions">
            <Button variant="secondary" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" busy={busy} className="form-actions-main">
              {t('settings.two_factor.enable')}
            </Button>
          </div>
        </form>
      </li>
    </ol>
  )
}

function DisableCard({ onDisabled }: { onDisabled: () => Promise<void> }) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    if (!password) {
      setError(t('validation.required'))
      return
    }
    setError(null)
    setBusy(true)
    try {
      await disableTwoFactor(password)
      await onDisabled()
    } catch (err) {
      setError(fieldErrorsFrom(err, ['password']).password ?? describeError(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="tfa-heading">
      <h2 id="tfa-heading">{t('settings.two_factor.heading')}</h2>
      <div className="status-row">
        <span className="badge badge-success">
          <CheckCircleIcon size={14} /> {t('settings.two_factor.status_on')}
        </span>
      </div>
      <p className="muted">{t('settings.two_factor.enabled_body')}</p>
      <h3>{t('settings.two_factor.disable_heading')}</h3>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t('fields.current_password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error}
          autoComplete="current-password"
        />
        <div className="form-actions">
          <Button type="submit" variant="danger" busy={busy}>
            {t('settings.two_factor.disable')}
          </Button>
        </div>
      </form>
    </section>
  )
}
