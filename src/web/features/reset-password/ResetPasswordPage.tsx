import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { resetPassword } from '../../api/session.ts'
import { Alert } from '../../components/Alert.tsx'
import { AuthCard } from '../../components/AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { AlertIcon, CheckCircleIcon, KeyIcon } from '../../components/icons.tsx'
import { PasswordStrength } from '../../components/PasswordStrength.tsx'
import { useSession } from '../../context/session.tsx'
import { useSite } from '../../context/site.tsx'
import { describeError, fieldErrorsFrom } from '../../lib/errors.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { type FieldErrors, focusFirstError, hasErrors } from '../../lib/validate.ts'

export function ResetPasswordPage() {
  const { t } = useTranslation()
  const { site } = useSite()
  const { setUser } = useSession()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  useDocumentTitle(t('reset.title'))
  const minLength = site.password_min_length

  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)

  if (!token) {
    return (
      <AuthCard icon={<AlertIcon size={28} />} title={t('reset.invalid_title')} subtitle={t('reset.missing_token')}>
        <Link className="btn btn-primary btn-block" to="/auth/password/forgot">
          {t('reset.request_new')}
        </Link>
      </AuthCard>
    )
  }

  if (done) {
    return (
      <AuthCard icon={<CheckCircleIcon size={28} />} title={t('reset.done_title')} subtitle={t('reset.done_body')}>
        <Link className="btn btn-primary btn-block" to="/auth/sign_in">
          {t('reset.to_sign_in')}
        </Link>
      </AuthCard>
    )
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const found: FieldErrors = {
      password: password.length < minLength ? 'validation.password_min' : undefined,
      confirm: confirm !== password ? 'validation.password_match' : undefined,
    }
    setErrors(found)
    if (hasErrors(found)) return focusFirstError(e.currentTarget)
    setBusy(true)
    try {
      await resetPassword(token, password)
      // Every session ends with a reset, including this browser's.
      setUser(null)
      setDone(true)
    } catch (err) {
      setErrors(fieldErrorsFrom(err, ['password']))
      setFailure(describeError(t, err))
    } finally {
      setBusy(false)
    }
  }

  const message = (key?: string) => (key ? t(key, { min: minLength, defaultValue: key }) : undefined)

  return (
    <AuthCard icon={<KeyIcon size={28} />} title={t('reset.title')} subtitle={t('reset.subtitle')}>
      {failure && (
        <Alert tone="error" actions={<Link to="/auth/password/forgot">{t('reset.request_new')}</Link>}>
          {failure}
        </Alert>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t('reset.new_password')}
          type="password"
          hint={t('password.min_hint', { min: minLength })}
          value={password}
          onChange={(e) => {
            setPassword(e.target.value)
            setErrors((er) => ({ ...er, password: undefined }))
          }}
          error={message(errors.password)}
          below={<PasswordStrength password={password} minLength={minLength} />}
          autoComplete="new-password"
          dir="ltr"
          required
          autoFocus
        />
        <Field
          label={t('fields.confirm_password')}
          type="password"
          value={confirm}
          onChange={(e) => {
            setConfirm(e.target.value)
            setErrors((er) => ({ ...er, confirm: undefined }))
          }}
          error={message(errors.confirm)}
          autoComplete="new-password"
          dir="ltr"
          required
        />
        <Button type="submit" block busy={busy}>
          {t('reset.submit')}
        </Button>
      </form>
    </AuthCard>
  )
}
