import './authorize.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { type AuthorizationRequest, decideAuthorization, getAuthorization } from '../../api/oauth.ts'
import { Alert } from '../../components/Alert.tsx'
import { AuthCard } from '../../components/AuthCard.tsx'
import { Avatar } from '../../components/Avatar.tsx'
import { Button } from '../../components/Button.tsx'
import { CopyButton } from '../../components/CopyButton.tsx'
import { AlertIcon, CheckIcon, ExternalIcon, KeyIcon } from '../../components/icons.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useSession } from '../../context/session.tsx'
import { useSite } from '../../context/site.tsx'
import { describeError } from '../../lib/errors.ts'
import { signInPath } from '../../lib/return-to.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { useLoad } from '../../lib/use-load.ts'
import { describeScope, isSensitiveScope } from './scopes.ts'

const requestKeys = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const

function readRequest(params: URLSearchParams): AuthorizationRequest {
  const request: Record<string, string> = {}
  for (const key of requestKeys) {
    const value = params.get(key)
    if (value !== null) request[key] = value
  }
  return request as AuthorizationRequest
}

function hostOf(uri: string): string | null {
  try {
    return new URL(uri).host || null
  } catch {
    return null
  }
}

export function AuthorizePage() {
  const { t } = useTranslation()
  const { user } = useSession()
  const location = useLocation()
  if (!user) return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />
  return <Consent key={location.search} title={t('authorize.page_title')} />
}

function Consent({ title }: { title: string }) {
  const { t } = useTranslation()
  const { site } = useSite()
  const { user } = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [request] = useState(() => readRequest(params))
  const info = useLoad(() => getAuthorization(request), [])
  const [busy, setBusy] = useState<'approve' | 'deny' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [result, setResult] = useState<{ code?: string; denied?: boolean } | null>(null)
  useDocumentTitle(title)

  const decide = async (approve: boolean) => {
    setBusy(approve ? 'approve' : 'deny')
    setFailure(null)
    try {
      const decision = await decideAuthorization(request, approve)
      if (decision.code) {
        setResult({ code: decision.code })
      } else if (decision.redirect_to.startsWith('/')) {
        // Out-of-band apps land on our own page (/oauth/authorize/native).
        navigate(decision.redirect_to, { replace: true })
        return
      } else if (hostOf(decision.redirect_to)) {
        window.location.assign(decision.redirect_to)
        return
      } else {
        setResult({ denied: !approve })
      }
    } catch (error) {
      setFailure(describeError(t, error))
    }
    setBusy(null)
  }

  if (!request.client_id || !request.redirect_uri) {
    return (
      <AuthCard icon={<AlertIcon size={28} />} title={t('authorize.invalid_title')} subtitle={t('authorize.missing')} />
    )
  }
  if (info.loading) {
    return (
      <AuthCard icon={<KeyIcon size={28} />} title={title} subtitle={t('common.loading')}>
        <div className="center">
          <Spinner size={28} />
        </div>
      </AuthCard>
    )
  }
  if (info.error || !info.data) {
    const code = info.error instanceof ApiError ? info.error.code : ''
    const oauthCodes = ['invalid_request', 'invalid_scope', 'unsupported_response_type', 'unauthorized_client']
    return (
      <AuthCard
        icon={<AlertIcon size={28} />}
        title={t('authorize.invalid_title')}
        subtitle={oauthCodes.includes(code) ? t(`authorize.errors.${code}`) : describeError(t, info.error)}
      >
        {/* The server's own words name the exact problem, for the app's developer. */}
        {info.error instanceof ApiError && info.error.message && (
          <p className="muted small technical" dir="ltr">
            {info.error.message}
          </p>
        )}
      </AuthCard>
    )
  }

  const { app, scopes } = info.data
  const appName = app.name
  const letter = { avatar: null, display_name: appName, username: appName }

  if (result?.code) {
    return (
      <AuthCard
        icon={<CheckIcon size={28} />}
        title={t('authorize.code_title')}
        subtitle={t('authorize.code_body', { app: appName })}
      >
        <div className="code-box">
          <code dir="ltr">{result.code}</code>
          <CopyButton text={result.code} />
        </div>
      </AuthCard>
    )
  }
  if (result) {
    return (
      <AuthCard
        icon={<AlertIcon size={28} />}
        title={result.denied ? t('authorize.denied_title') : t('authorize.done_title')}
        subtitle={result.denied ? t('authorize.denied_body', { app: appName }) : t('authorize.done_body')}
      />
    )
  }

  const redirectHost = hostOf(info.data.redirect_uri)
  return (
    <AuthCard wide icon={<Avatar user={letter} size={56} />} title={t('authorize.title', { app: appName })}>
      <p className="consent-lead">
        {t('authorize.lead', { app: appName, site: site.name })} <strong dir="ltr">@{user?.username}</strong>
      </p>
      {app.website && (
        <p className="consent-website">
          <a href={app.website} target="_blank" rel="noopener noreferrer" dir="ltr">
            {hostOf(app.website) ?? app.website}
            <ExternalIcon size={14} />
            <span className="visually-hidden">{t('common.opens_new_tab')}</span>
          </a>
        </p>
      )}
      {failure && <Alert tone="error">{failure}</Alert>}
      <h2 className="form-section-title">{t('authorize.scopes_heading', { app: appName })}</h2>
      <ul className="scope-list">
        {scopes.map((scope) => (
          <li key={scope} className={isSensitiveScope(scope) ? 'scope sensitive' : 'scope'}>
            <CheckIcon size={18} />
            <span>
              {describeScope(t, scope)}
              <code className="scope-code" dir="ltr">
                {scope}
              </code>
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {redirectHost ? t('authorize.redirect_note', { host: redirectHost }) : t('authorize.oob_note')}{' '}
        {t('authorize.revoke_note')}
      </p>
      <div className="form-actions">
        <Button variant="secondary" onClick={() => decide(false)} busy={busy === 'deny'} disabled={!!busy}>
          {t('authorize.deny')}
        </Button>
        <Button className="form-actions-main" onClick={() => decide(true)} busy={busy === 'approve'} disabled={!!busy}>
          {t('authorize.approve')}
        </Button>
      </div>
    </AuthCard>
  )
}
