import './setup.css'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { updateProfile } from '../../api/settings.ts'
import { completeSetup, type RegistrationMode } from '../../api/site.ts'
import { Alert } from '../../components/Alert.tsx'
import { AuthCard } from '../../components/AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
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
import { RegistrationModePicker } from './RegistrationModePicker.tsx'

const steps = ['site', 'registration', 'owner'] as const
type Step = (typeof steps)[number]
const fieldStep: Record<string, Step> = {
  site_name: 'site',
  description: 'site',
  registration_mode: 'registration',
  username: 'owner',
  email: 'owner',
  password: 'owner',
}

export function SetupPage() {
  const { t } = useTranslation()
  const { site, reload } = useSite()
  const { setUser } = useSession()
  const { locale } = useLocale()
  const navigate = useNavigate()
  useDocumentTitle(t('setup.title'))

  const [step, setStep] = useState<Step>('site')
  const [form, setForm] = useState({
    site_name: site.name,
    description: site.description,
    registration_mode: site.registration_mode as RegistrationMode,
    username: '',
    email: '',
    password: '',
    confirm: '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const minLength = site.password_min_length

  const set = (key: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const index = steps.indexOf(step)

  const validate = (which: Step): FieldErrors => {
    if (which === 'site') return { site_name: checkRequired(form.site_name) ?? undefined }
    if (which === 'owner') {
      return {
        username: checkUsername(form.username) ?? undefined,
        email: checkEmail(form.email) ?? undefined,
        password: form.password.length < minLength ? 'validation.password_min' : undefined,
        confirm: form.confirm !== form.password ? 'validation.password_match' : undefined,
      }
    }
    return {}
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const found = validate(step)
    setErrors(found)
    if (hasErrors(found)) return focusFirstError(e.currentTarget)
    if (step !== 'owner') {
      setStep(steps[index + 1])
      return
    }
    setBusy(true)
    try {
      const { confirm: _confirm, ...input } = form
      let { user } = await completeSetup(input)
      // The setup request carries no language; keep the one the owner used for the wizard.
      if (user.locale !== locale)
        user = await updateProfile({ locale }).then(
          (r) => r.user,
          () => user,
        )
      setUser(user)
      await reload()
      navigate('/', { replace: true })
    } catch (error) {
      setBusy(false)
      if (error instanceof ApiError && error.status === 409) {
        await reload().catch(() => {})
        return
      }
      const fields = fieldErrorsFrom(error, Object.keys(fieldStep))
      if (Object.keys(fields).length) {
        setErrors(fields)
        setStep(fieldStep[Object.keys(fields)[0]])
      }
      setFailure(describeError(t, error))
    }
  }

  const message = (key?: string) => (key ? t(key, { min: minLength, defaultValue: key }) : undefined)

  return (
    <AuthCard wide title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <ol className="steps" aria-label={t('setup.progress')}>
        {steps.map((s, i) => (
          <li
            key={s}
            className={i < index ? 'done' : i === index ? 'current' : undefined}
            aria-current={i === index ? 'step' : undefined}
          >
            <span className="step-number">{i + 1}</span>
            <span className="step-name">{t(`setup.steps.${s}`)}</span>
          </li>
        ))}
      </ol>

      {failure && <Alert tone="error">{failure}</Alert>}

      <form className="form" onSubmit={onSubmit} noValidate>
        {step === 'site' && (
          <>
            <h2 className="form-section-title">{t('setup.site_heading')}</h2>
            <Field
              label={t('setup.site_name')}
              hint={t('setup.site_name_hint')}
              value={form.site_name}
              onChange={(e) => set('site_name')(e.target.value)}
              error={message(errors.site_name)}
              required
              maxLength={60}
              dir="auto"
              autoFocus
            />
            <Field
              multiline
              label={t('setup.description')}
              hint={t('setup.description_hint')}
              value={form.description}
              onChange={(e) => set('description')(e.target.value)}
              error={message(errors.description)}
              rows={3}
              maxLength={300}
              dir="auto"
            />
          </>
        )}

        {step === 'registration' && (
          <RegistrationModePicker value={form.registration_mode} onChange={(m) => set('registration_mode')(m)} />
        )}

        {step === 'owner' && (
          <>
            <h2 className="form-section-title">{t('setup.owner_heading')}</h2>
            <p className="muted small">{t('setup.owner_hint')}</p>
            <Field
              label={t('fields.username')}
              hint={t('fields.username_hint')}
              value={form.username}
              onChange={(e) => set('username')(e.target.value)}
              error={message(errors.username)}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              dir="ltr"
              required
              autoFocus
            />
            <Field
              label={t('fields.email')}
              type="email"
              value={form.email}
              onChange={(e) => set('email')(e.target.value)}
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
              onChange={(e) => set('password')(e.target.value)}
              error={message(errors.password)}
              below={<PasswordStrength password={form.password} minLength={minLength} />}
              autoComplete="new-password"
              dir="ltr"
              required
            />
            <Field
              label={t('fields.confirm_password')}
              type="password"
              value={form.confirm}
              onChange={(e) => set('confirm')(e.target.value)}
              error={message(errors.confirm)}
              autoComplete="new-password"
              dir="ltr"
              required
            />
          </>
        )}

        <div className="form-actions">
          {index > 0 && (
            <Button variant="secondary" onClick={() => setStep(steps[index - 1])} disabled={busy}>
              {t('common.back')}
            </Button>
          )}
          <Button type="submit" busy={busy} className="form-actions-main">
            {step === 'owner' ? t('setup.finish') : t('common.continue')}
          </Button>
        </div>
      </form>
    </AuthCard>
  )
}
