import './edit-profile.css'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useParams } from 'react-router'
import { type CredentialAccount, verifyCredentials } from '../../api/accounts.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { Toaster } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError } from '../../lib/errors.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { PicturesCard } from './PicturesCard.tsx'
import { ProfileForm } from './ProfileForm.tsx'

/** `/@:username/edit`: pictures (with a crop preview), about, and privacy. Only your own. */
export function EditProfilePage() {
  const { t } = useTranslation()
  const { user, refresh } = useSession()
  const { handle = '' } = useParams()
  const { hash } = useLocation()
  const [account, setAccount] = useState<CredentialAccount | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [round, setRound] = useState(0)
  useDocumentTitle(t('edit_profile.title'))

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the retry button
  useEffect(() => {
    setError(null)
    verifyCredentials().then(setAccount, setError)
  }, [round])

  // "Change cover photo" on the profile lands on the pictures card.
  useEffect(() => {
    if (account && hash) document.getElementById(hash.slice(1))?.scrollIntoView()
  }, [account, hash])

  if (!user) return null
  if (handle.toLowerCase() !== `@${user.username}`.toLowerCase()) {
    return <Navigate to={`/@${user.username}/edit`} replace />
  }

  // The session's name and picture show in the top bar: keep them in step.
  const changed = (next: CredentialAccount) => {
    setAccount(next)
    void refresh()
  }

  return (
    <div className="edit-profile">
      <div className="edit-profile-head">
        <h1 className="page-title">{t('edit_profile.title')}</h1>
        <Link className="btn btn-secondary" to={`/@${user.username}`}>
          {t('edit_profile.view_profile')}
        </Link>
      </div>
      {error ? (
        <Alert
          tone="error"
          title={t('edit_profile.load_failed')}
          actions={
            <Button variant="secondary" size="sm" onClick={() => setRound((r) => r + 1)}>
              {t('common.try_again')}
            </Button>
          }
        >
          {describeError(t, error)}
        </Alert>
      ) : !account ? (
        <div className="center" role="status">
          <Spinner />
          <span className="visually-hidden">{t('common.loading')}</span>
        </div>
      ) : (
        <>
          <PicturesCard account={account} onChange={changed} />
          <ProfileForm account={account} onSaved={changed} />
        </>
      )}
      <Toaster />
    </div>
  )
}
