import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { requestPasswordReset } from '../../api/session.ts'
import { Alert } from '../../components/Alert.tsx'
import { AuthCard } from '../../components/AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { KeyIcon, MailIcon } from '../../components/icons.tsx'
import { describeError } from '../../lib/errors.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { checkEmail } from '../../lib/validate.ts'

export function ForgotPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('forgot.title'))
  const [email, setEmail] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState(false)

  const backToSignIn = (
    <p>
      <Link to="/auth/sign_in">{t('forgot.back')}</Link>
    </p>
  )

  if (sent) {
    return (
      <AuthCard
        icon={<MailIcon size={28} />}
        title={t('forgot.sent_title')}
        subtitle={t('forgot.sent_body', { email })}
        footer={backToSignIn}
      >
        <p className="muted small">{t('check_email.no_mail')}</p>
        <Button variant="secondary" block onClick={() => setSent(false)}>
          {t('forgot.try_another')}
        </Button>
      </AuthCard>
    )
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const problem = checkEmail(email)
    setError(problem && t(problem))
    if (problem) return
    setBusy(true)
    try {
      await requestPasswordReset(email.trim())
      setSent(true)
    } catch (err) {
      setFailure(describeError(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthCard
      icon={<KeyIcon size={28} />}
      title={t('forgot.title')}
      subtitle={t('forgot.subtitle')}
      footer={backToSignIn}
    >
      {failure && <Alert tone="error">{failure}</Alert>}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          label={t('fields.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error}
          autoComplete="email"
          dir="ltr"
          required
          autoFocus
        />
        <Button type="submit" block busy={busy}>
          {t('forgot.submit')}
        </Button>
      </form>
    </AuthCard>
  )
}
