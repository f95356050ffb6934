import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useSearchParams } from 'react-router'
import { signUp } from '../../api/session.ts'
import { Alert } from '../../components/Alert.tsx'
import { AuthCard } from '../../components/AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { LockIcon } from '../../components/icons.tsx'
import { PasswordStrength } from '../../components/PasswordStrength.tsx'
import { useLocale } from '../../context/locale.tsx'
import { useSession } from '../../context/session.tsx'
import { useSite } from '../../context/site.tsx'
import { describeError, fieldErrorsFrom } from '../../lib/errors.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import {
  checkEmail,
  checkRequired,
  checkUsername,
  type FieldErrors,
  focusFirstError,
  hasErrors,
} from '../../lib/validate.ts'
import { CheckEmail } from './CheckEmail.tsx'

export function SignUpPage() {
  const { t } = useTranslation()
  const { site } = useSite()
  const { user } = useSession()
  const { locale } = useLocale()
  const [params] = useSearchParams()
  useDocumentTitle(t('sign_up.title'))

  const mode = site.registration_mode
  const minLength = site.password_min_length
  const [form, setForm] = useState({
    username: '',
    email: '',
    password: '',
    invite_code: params.get('invite') ?? '',
    reason: '',
    agreement: false,
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [sentTo, setSentTo] = useState<string | null>(null)

  if (user) return <Navigate to="/" replace />
  if (sentTo) return <CheckEmail email={sentTo} approval={mode === 'approval'} />

  if (mode === 'closed') {
    return (
      <AuthCard
        icon={<LockIcon size={28} />}
        title={t('sign_up.closed_title')}
        subtitle={t('sign_up.closed_body', { name: site.name })}
      >
        <Link className="btn btn-primary btn-block" to="/auth/sign_in">
          {t('sign_up.sign_in_instead')}
        </Link>
      </AuthCard>
    )
  }

  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const found: FieldErrors = {
      username: checkUsername(form.username) ?? undefined,
      email: checkEmail(form.email) ?? undefined,
      password: form.password.length < minLength ? 'validation.password_min' : undefined,
      invite_code: mode === 'invite' ? (checkRequired(form.invite_code) ?? undefined) : undefined,
      reason: mode === 'approval' ? (checkRequired(form.reason) ?? undefined) : undefined,
      agreement: form.agreement ? undefined : 'validation.agreement',
    }
    setErrors(found)
    if (hasErrors(found)) return focusFirstError(e.currentTarget)
    setBusy(true)
    try {
      await signUp({
        username: form.username.trim(),
        email: form.email.trim(),
        password: form.password,
        agreement: true,
        invite_code: mode === 'invite' ? form.invite_code.trim() : undefined,
        reason: mode === 'approval' ? form.reason.trim() : undefined,
        locale,
      })
      setSentTo(form.email.trim())
    } catch (error) {
      setErrors(fieldErrorsFrom(error, ['username', 'email', 'password', 'invite_code', 'reason', 'agreement']))
      setFailure(describeError(t, error))
    } finally {
      setBusy(false)
    }
  }

  const message = (key?: string) => (key ? t(key, { min: minLength, defaultValue: key }) : undefined)

  return (
    <AuthCard
      title={t('sign_up.title')}
      subtitle={t('sign_up.subtitle', { name: site.name })}
      footer={
        <p>
          {t('sign_up.have_account')} <Link to="/auth/sign_in">{t('sign_up.sign_in_link')}</Link>
        </p>
      }
    >
      {mode === 'approval' && <Alert tone="info">{t('sign_up.approval_notice')}</Alert>}
      {mode === 'invite' && <Alert tone="info">{t('sign_up.invite_notice')}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t('fields.username')}
          hint={t('fields.username_hint')}
          value={form.username}
          onChange={(e) => set('username', e.target.value)}
          error={message(errors.username)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          required
        />
        <Field
          label={t('fields.email')}
          type="email"
          value={form.email}
          onChange={(e) => set('email', e.target.value)}
          error={message(errors.email)}
          autoComplete="email"
          dir="ltr"
          required
        />
        <Field
          label={t('fields.password')}
          type="password"
          hint={t('password.min_hint', { min: minLength })}
          value={form.password}
          onChange={(e) => set('password', e.target.value)}
          error={message(errors.password)}
          below={<PasswordStrength password={form.password} minLength={minLength} />}
          autoComplete="new-password"
          dir="ltr"
          required
        />
        {mode === 'invite' && (
          <Field
            label={t('sign_up.invite_code')}
            value={form.invite_code}
            onChange={(e) => set('invite_code', e.target.value)}
            error={message(errors.invite_code)}
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            required
          />
        )}
        {mode === 'approval' && (
          <Field
            multiline
            label={t('sign_up.reason')}
            hint={t('sign_up.reason_hint')}
            value={form.reason}
            onChange={(e) => set('reason', e.target.value)}
            error={message(errors.reason)}
            rows={3}
            maxLength={500}
            required
          />
        )}
        <div className={errors.agreement ? 'check field-invalid' : 'check'}>
          <input
            id="agreement"
            type="checkbox"
            checked={form.agreement}
            onChange={(e) => set('agreement', e.target.checked)}
            aria-invalid={errors.agreement ? true : undefined}
            aria-describedby={errors.agreement ? 'agreement-error' : undefined}
          />
          <label htmlFor="agreement">{t('sign_up.agreement', { name: site.name })}</label>
        </div>
        {errors.agreement && (
          <p className="field-error" id="agreement-error">
            {message(errors.agreement)}
          </p>
        )}
        <Button type="submit" block busy={busy}>
          {t('sign_up.submit')}
        </Button>
      </form>
    </AuthCard>
  )
}
