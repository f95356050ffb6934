import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { confirmEmail } from '../../api/session.ts'
import { AuthCard } from '../../components/AuthCard.tsx'
import { AlertIcon, CheckCircleIcon, InfoIcon, MailIcon } from '../../components/icons.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError } from '../../lib/errors.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'

type Outcome = { status: 'confirmed' | 'pending_approval' } | { status: 'failed'; error: unknown }

// NOTE: a token works once, and React's StrictMode runs effects twice in development,
// so each token's request is made once and shared.
const requests = new Map<string, Promise<Outcome>>()
function confirmOnce(token: string): Promise<Outcome> {
  let request = requests.get(token)
  if (!request) {
    request = confirmEmail(token).then(
      (r) => ({ status: r.status }),
      (error) => ({ status: 'failed', error }),
    )
    requests.set(token, request)
  }
  return request
}

export function ConfirmPage() {
  const { t } = useTranslation()
  const { user, refresh } = useSession()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  useDocumentTitle(t('confirm.title'))

  useEffect(() => {
    if (!token) return
    let live = true
    confirmOnce(token).then((result) => {
      if (!live) return
      setOutcome(result)
      // A confirmed email change updates the signed-in account.
      if (result.status !== 'failed') refresh().catch(() => {})
    })
    return () => {
      live = false
    }
  }, [token, refresh])

  const next = user ? (
    <Link className="btn btn-primary btn-block" to="/">
      {t('confirm.to_home')}
    </Link>
  ) : (
    <Link className="btn btn-primary btn-block" to="/auth/sign_in">
      {t('confirm.to_sign_in')}
    </Link>
  )

  if (!token) {
    return (
      <AuthCard icon={<AlertIcon size={28} />} title={t('confirm.failed_title')} subtitle={t('confirm.missing_token')}>
        {next}
      </AuthCard>
    )
  }
  if (!outcome) {
    return (
      <AuthCard icon={<MailIcon size={28} />} title={t('confirm.title')} subtitle={t('confirm.working')}>
        <div className="center">
          <Spinner size={28} />
        </div>
      </AuthCard>
    )
  }
  if (outcome.status === 'failed') {
    return (
      <AuthCard
        icon={<AlertIcon size={28} />}
        title={t('confirm.failed_title')}
        subtitle={describeError(t, outcome.error)}
      >
        <p className="muted small">{t('confirm.failed_hint')}</p>
        {next}
      </AuthCard>
    )
  }
  if (outcome.status === 'pending_approval') {
    return (
      <AuthCard icon={<InfoIcon size={28} />} title={t('confirm.pending_title')} subtitle={t('confirm.pending_body')}>
        {next}
      </AuthCard>
    )
  }
  return (
    <AuthCard icon={<CheckCircleIcon size={28} />} title={t('confirm.done_title')} subtitle={t('confirm.done_body')}>
      {next}
    </AuthCard>
  )
}
