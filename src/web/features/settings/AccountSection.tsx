import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { changeEmail, changePassword } from '../../api/settings.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { PasswordStrength } from '../../components/PasswordStrength.tsx'
import { useSession } from '../../context/session.tsx'
import { useSite } from '../../context/site.tsx'
import { describeError, fieldErrorsFrom } from '../../lib/errors.ts'
import { checkEmail, checkRequired, type FieldErrors, focusFirstError, hasErrors } from '../../lib/validate.ts'

type Notice = { tone: 'success' | 'error'; text: string } | null

export function AccountSection() {
  return (
    <>
      <EmailCard />
      <PasswordCard />
    </>
  )
}

function EmailCard() {
  const { t } = useTranslation()
  const { user } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setNotice(null)
    const found = {
      email: checkEmail(email) ?? undefined,
      current_password: checkRequired(password) ?? undefined,
    }
    setErrors(found)
    if (hasErrors(found)) return focusFirstError(e.currentTarget)
    setBusy(true)
    try {
      await changeEmail(password, email.trim())
      setNotice({ tone: 'success', text: t('settings.account.email_sent', { email: email.trim() }) })
      setEmail('')
      setPassword('')
    } catch (err) {
      setErrors(fieldErrorsFrom(err, ['email', 'current_password']))
      setNotice({ tone: 'error', text: describeError(t, err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="email-heading">
      <h2 id="email-heading">{t('settings.account.email_heading')}</h2>
      <p className="muted">
        {t('settings.account.current_email')}{' '}
        <strong dir="ltr" className="break">
          {user?.email}
        </strong>
      </p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t('settings.account.new_email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email && t(errors.email, { defaultValue: errors.email })}
          autoComplete="email"
          dir="ltr"
        />
        <Field
          label={t('fields.current_password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.current_password && t(errors.current_password, { defaultValue: errors.current_password })}
          autoComplete="current-password"
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('settings.account.email_submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}

function PasswordCard() {
  const { t } = useTranslation()
  const { site } = useSite()
  const minLength = site.password_min_length
  const [form, setForm] = useState({ current: '', password: '', confirm: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)
  const set = (key: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key === 'current' ? 'current_password' : key]: undefined }))
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setNotice(null)
    const found: FieldErrors = {
      current_password: checkRequired(form.current) ?? undefined,
      password: form.password.length < minLength ? 'validation.password_min' : undefined,
      confirm: form.confirm !== form.password ? 'validation.password_match' : undefined,
    }
    setErrors(found)
    if (hasErrors(found)) return focusFirstError(e.currentTarget)
    setBusy(true)
    try {
      await changePassword(form.current, form.password)
      setNotice({ tone: 'success', text: t('settings.account.password_changed') })
      setForm({ current: '', password: '', confirm: '' })
    } catch (err) {
      setErrors(fieldErrorsFrom(err, ['current_password', 'password']))
      setNotice({ tone: 'error', text: describeError(t, err) })
    } finally {
      setBusy(false)
    }
  }

  const message = (key?: string) => (key ? t(key, { min: minLength, defaultValue: key }) : undefined)

  return (
    <section className="card settings-card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('settings.account.password_heading')}</h2>
      <p className="muted">{t('settings.account.password_intro')}</p>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t('fields.current_password')}
          type="password"
          value={form.current}
          onChange={(e) => set('current')(e.target.value)}
          error={message(errors.current_password)}
          autoComplete="current-password"
        />
        <Field
          label={t('reset.new_password')}
          type="password"
          hint={t('password.min_hint', { min: minLength })}
          value={form.password}
          onChange={(e) => set('password')(e.target.value)}
          error={message(errors.password)}
          below={<PasswordStrength password={form.password} minLength={minLength} />}
          autoComplete="new-password"
        />
        <Field
          label={t('fields.confirm_password')}
          type="password"
          value={form.confirm}
          onChange={(e) => set('confirm')(e.target.value)}
          error={message(errors.confirm)}
          autoComplete="new-password"
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('settings.account.password_submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}
