import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { resendConfirmation } from '../../api/session.ts'
import { Button } from '../../components/Button.tsx'
import { Field } from '../../components/Field.tsx'
import { checkEmail } from '../../lib/validate.ts'

/** Resends the confirmation email; asks for the address when the person signed in with a username. */
export function ResendConfirmation({ login }: { login: string }) {
  const { t } = useTranslation()
  const [email, setEmail] = useState(login.includes('@') ? login : '')
  const [error, setError] = useState<string | null>(null)
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const problem = checkEmail(email)
    setError(problem && t(problem))
    if (problem) return
    setState('sending')
    try {
      await resendConfirmation(email.trim())
    } catch {
      // Reported as sent either way: the server never reveals whether an address exists.
    }
    setState('sent')
  }

  if (state === 'sent') return <p>{t('auth.resend_done')}</p>
  return (
    <form className="form form-compact" onSubmit={onSubmit} noValidate>
      <p>{t('sign_in.unconfirmed_body')}</p>
      {!login.includes('@') && (
        <Field
          label={t('fields.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error}
          autoComplete="email"
          dir="ltr"
        />
      )}
      <Button type="submit" variant="secondary" size="sm" busy={state === 'sending'}>
        {t('auth.resend_confirmation')}
      </Button>
    </form>
  )
}
