import './profile.css'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation, useParams } from 'react-router'
import { type Account, lookupAccount } from '../../api/accounts.ts'
import { ApiError } from '../../api/client.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Toaster } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { useSite } from '../../context/site.tsx'
import { describeError } from '../../lib/errors.ts'
import { signInPath } from '../../lib/return-to.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { NotFoundPage } from '../not-found/NotFoundPage.tsx'
import { nameOf } from './account-model.ts'
import { LockIcon } from './graph-icons.tsx'
import { ProfileHeader, ProfileHeaderSkeleton } from './ProfileHeader.tsx'
import type { ProfileOutlet } from './profile-context.ts'
import { onGraphChange, useRelationship } from './relationships-store.ts'

/** `/@:username` and its tabs. Route segments can't mix text and params, so the "@" is checked here. */
export function ProfilePage() {
  const { handle = '' } = useParams()
  if (!/^@[\w.-]+$/.test(handle)) return <NotFoundPage />
  return <ProfileView key={handle} username={handle.slice(1)} />
}

type State = { account: Account | null; error: unknown }

function ProfileView({ username }: { username: string }) {
  const { t } = useTranslation()
  const { user } = useSession()
  const [{ account, error }, setState] = useState<State>({ account: null, error: null })
  const [round, setRound] = useState(0)

  const load = useCallback(async () => {
    try {
      setState({ account: await lookupAccount(username), error: null })
    } catch (err) {
      setState((s) => ({ account: s.account, error: err }))
    }
  }, [username])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the retry button; the user changes what we may see
  useEffect(() => {
    void load()
  }, [load, round, user?.id])

  // Counts move when the viewer friends, follows or blocks anyone, or when others do while the
  // tab is in the background: read them again, quietly.
  useEffect(() => {
    const off = onGraphChange(() => void load())
    const onVisible = () => document.visibilityState === 'visible' && void load()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      off()
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [load])

  const isOwn = !!user && !!account && user.id === account.id
  const relationship = useRelationship(user && account && !isOwn ? account.id : null)
  const missing = error instanceof ApiError && error.status === 404 && !account
  // They may also have blocked the viewer since the page opened: then the profile is gone for them.
  const notFound = (missing && !!user) || !!relationship?.blocked_by
  useDocumentTitle(
    notFound ? t('not_found.title') : account ? `${nameOf(account)} (@${account.username})` : `@${username}`,
  )

  if (notFound) return <NotFoundPage />
  if (missing) return <MembersOnly username={username} />
  if (error && !account) {
    return (
      <div className="profile-page">
        <h1 className="visually-hidden">{`@${username}`}</h1>
        <Alert
          tone="error"
          title={t('profile.load_failed')}
          actions={
            <Button variant="secondary" size="sm" onClick={() => setRound((r) => r + 1)}>
              {t('common.try_again')}
            </Button>
          }
        >
          {describeError(t, error)}
        </Alert>
      </div>
    )
  }
  if (!account) {
    return (
      <div className="profile-page">
        <h1 className="visually-hidden">{`@${username}`}</h1>
        <ProfileHeaderSkeleton />
      </div>
    )
  }

  const outlet: ProfileOutlet = { account, isOwn, viewerId: user?.id ?? null, relationship }
  return (
    <div className="profile-page">
      <ProfileHeader account={account} relationship={relationship} isOwn={isOwn} viewerId={user?.id ?? null} />
      {relationship?.blocking ? <BlockedNotice account={account} /> : <Outlet context={outlet} />}
      <Toaster />
    </div>
  )
}

function BlockedNotice({ account }: { account: Account }) {
  const { t } = useTranslation()
  return (
    <section className="card profile-notice">
      <h2>{t('profile.blocked_title', { name: nameOf(account) })}</h2>
      <p className="muted">{t('profile.blocked_body')}</p>
    </section>
  )
}

/** A signed-out visitor can't tell a members-only profile from a missing one, and neither can we. */
function MembersOnly({ username }: { username: string }) {
  const { t } = useTranslation()
  const { site } = useSite()
  const location = useLocation()
  return (
    <div className="auth-page">
      <section className="card auth-card status-card">
        <span className="auth-card-icon">
          <LockIcon size={26} />
        </span>
        <h1>{t('profile.members_only_title')}</h1>
        <p className="muted">{t('profile.members_only_body', { username, site: site.name })}</p>
        <div className="button-row">
          <Link className="btn btn-primary" to={signInPath(location.pathname)}>
            {t('profile.sign_in_to_see')}
          </Link>
          {site.registration_mode !== 'closed' && (
            <Link className="btn btn-secondary" to="/auth/sign_up">
              {t('profile.join', { site: site.name })}
            </Link>
          )}
        </div>
      </section>
    </div>
  )
}
