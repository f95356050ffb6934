import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { signIn } from '../../api/session.ts'
import { Alert } from '../../components/Alert.tsx'
import { AuthCard } from '../../components/AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { useSession } from '../../context/session.tsx'
import { useSite } from '../../context/site.tsx'
import { describeError } from '../../lib/errors.ts'
import { safeReturnTo } from '../../lib/return-to.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { checkRequired, type FieldErrors, focusFirstError, hasErrors } from '../../lib/validate.ts'
import { ResendConfirmation } from './ResendConfirmation.tsx'
import { TwoFactorStep } from './TwoFactorStep.tsx'

export function SignInPage() {
  const { t } = useTranslation()
  const { site } = useSite()
  const { user, setUser } = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const returnTo = safeReturnTo(params.get('return_to'))
  useDocumentTitle(t('sign_in.title'))

  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<ApiError | Error | null>(null)
  const [busy, setBusy] = useState(false)
  const [challenge, setChallenge] = useState<string | null>(null)
  // Set just before leaving, so the signed-in redirect below doesn't race the navigation.
  const [done, setDone] = useState(false)

  if (user && !done) return <Navigate to={returnTo ?? '/'} replace />

  const finish = (signedIn: NonNullable<typeof user>) => {
    setDone(true)
    setUser(signedIn)
    navigate(returnTo ?? '/', { replace: true })
  }

  if (challenge) {
    return <TwoFactorStep challenge={challenge} onSignedIn={finish} onRestart={() => setChallenge(null)} />
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const found = {
      login: checkRequired(login) ?? undefined,
      password: checkRequired(password) ?? undefined,
    }
    setErrors(found)
    if (hasErrors(found)) return focusFirstError(e.currentTarget)
    setBusy(true)
    try {
      const result = await signIn(login.trim(), password)
      if (result.status === 'two_factor_required') {
        setChallenge(result.challenge)
        setPassword('')
      } else {
        finish(result.user)
      }
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)))
    } finally {
      setBusy(false)
    }
  }

  const code = failure instanceof ApiError ? failure.code : null

  return (
    <AuthCard
      title={t('sign_in.title')}
      subtitle={t('sign_in.subtitle', { name: site.name })}
      footer={
        site.registration_mode !== 'closed' && (
          <p>
            {t('sign_in.no_account')} <Link to="/auth/sign_up">{t('sign_in.sign_up_link')}</Link>
          </p>
        )
      }
    >
      {returnTo?.startsWith('/oauth/') && <Alert tone="info">{t('sign_in.for_app')}</Alert>}
      {failure && code === 'email_unconfirmed' && (
        <Alert tone="warning" title={t('errors.email_unconfirmed')}>
          <ResendConfirmation login={login.trim()} />
        </Alert>
      )}
      {failure && code === 'pending_approval' && (
        <Alert tone="info" title={t('sign_in.pending_title')}>
          {t('sign_in.pending_body')}
        </Alert>
      )}
      {failure && code === 'suspended' && (
        <Alert tone="error" title={t('sign_in.suspended_title')}>
          {t('sign_in.suspended_body')}
        </Alert>
      )}
      {failure && !['email_unconfirmed', 'pending_approval', 'suspended'].includes(code ?? '') && (
        <Alert tone="error">{describeError(t, failure)}</Alert>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t('sign_in.login')}
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          error={errors.login && t(errors.login)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          required
          autoFocus
        />
        <Field
          label={t('fields.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password && t(errors.password)}
          autoComplete="current-password"
          dir="ltr"
          required
        />
        <p className="form-aside">
          <Link to="/auth/password/forgot">{t('sign_in.forgot')}</Link>
        </p>
        <Button type="submit" block busy={busy}>
          {t('sign_in.submit')}
        </Button>
      </form>
    </AuthCard>
  )
}
