import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { resendConfirmation } from '../../api/session.ts'
import { Alert } from '../../components/Alert.tsx'
import { AuthCard } from '../../components/AuthCard.tsx'
import { Button } from '../../components/Button.tsx'
import { MailIcon } from '../../components/icons.tsx'

/** What a new account sees after signing up: go and click the link we sent. */
export function CheckEmail({ email, approval }: { email: string; approval: boolean }) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')

  const resend = async () => {
    setState('sending')
    try {
      await resendConfirmation(email)
    } catch {
      // Always reported as sent: the server never reveals whether an address exists.
    }
    setState('sent')
  }

  return (
    <AuthCard icon={<MailIcon size={28} />} title={t('check_email.title')} subtitle={t('check_email.body', { email })}>
      {approval && <Alert tone="info">{t('check_email.approval')}</Alert>}
      {state === 'sent' && <Alert tone="success">{t('auth.resend_done')}</Alert>}
      <div className="stack">
        <p className="muted small">{t('check_email.no_mail')}</p>
        <Button variant="secondary" block busy={state === 'sending'} onClick={resend}>
          {t('auth.resend_confirmation')}
        </Button>
        <Link className="btn btn-ghost btn-block" to="/auth/sign_in">
          {t('check_email.to_sign_in')}
        </Link>
      </div>
    </AuthCard>
  )
}
