import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CurrentUser, submitTwoFactor } from '../../api/session.ts'
import { Alert } from '../../components/Alert.tsx'
import { AuthCard } from '../../components/AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { ShieldIcon } from '../../components/icons.tsx'
import { describeError } from '../../lib/errors.ts'

type Props = {
  challenge: string
  onSignedIn: (user: CurrentUser) => void
  onRestart: () => void
}

export function TwoFactorStep({ challenge, onSignedIn, onRestart }: Props) {
  const { t } = useTranslation()
  const [useRecovery, setUseRecovery] = useState(false)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const value = useRecovery ? code.trim() : code.replace(/\s/g, '')
    const problem = !value ? 'validation.required' : !useRecovery && !/^\d{6}$/.test(value) ? 'validation.totp' : null
    setError(problem && t(problem))
    if (problem) return
    setBusy(true)
    try {
      const result = await submitTwoFactor(challenge, value)
      onSignedIn(result.user)
    } catch (err) {
      setBusy(false)
      setFailure(describeError(t, err))
    }
  }

  const switchMode = () => {
    setUseRecovery((r) => !r)
    setCode('')
    setError(null)
  }

  return (
    <AuthCard
      icon={<ShieldIcon size={28} />}
      title={t('two_factor.title')}
      subtitle={useRecovery ? t('two_factor.recovery_subtitle') : t('two_factor.subtitle')}
    >
      {failure && <Alert tone="error">{failure}</Alert>}
      <form className="form" onSubmit={onSubmit} noValidate>
        {useRecovery ? (
          <Field
            key="recovery"
            label={t('two_factor.recovery_code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={error}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            dir="ltr"
            autoFocus
          />
        ) : (
          <Field
            key="totp"
            label={t('two_factor.code')}
            className="field-code"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/[^\d\s]/g, ''))}
            error={error}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={7}
            dir="ltr"
            autoFocus
          />
        )}
        <Button type="submit" block busy={busy}>
          {t('two_factor.verify')}
        </Button>
        <div className="form-links">
          <button type="button" className="link-button" onClick={switchMode}>
            {useRecovery ? t('two_factor.use_app') : t('two_factor.use_recovery')}
          </button>
          <button type="button" className="link-button" onClick={onRestart}>
            {t('two_factor.start_over')}
          </button>
        </div>
      </form>
    </AuthCard>
  )
}
