import './people.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import {
  type AccountAction,
  type AdminAccount,
  approvePerson,
  getPerson,
  type PersonDetail,
  rejectPerson,
} from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Avatar } from '../../../components/Avatar.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmButton } from '../../../components/ConfirmButton.tsx'
import { useLocale } from '../../../context/locale.tsx'
import { useSession } from '../../../context/session.tsx'
import { describeError } from '../../../lib/errors.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { BackIcon } from '../admin-icons.tsx'
import { AccountBadges, Loaded, RoleBadge, useCan } from '../admin-ui.tsx'
import { AccountActionDialog } from './AccountActionDialog.tsx'
import {
  NotesCard,
  ProfileCard,
  RecentPosts,
  ReportsCard,
  RoleCard,
  SessionsCard,
  WarningsCard,
} from './PersonCards.tsx'

export function PersonPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const load = useLoad(() => getPerson(id), [id])
  useDocumentTitle(load.data ? `@${load.data.account.username}` : t('admin.people.title'))
  return (
    <>
      <Link to="/admin/people" className="admin-back">
        <BackIcon size={18} />
        {t('admin.people.back')}
      </Link>
      <Loaded load={load}>{(detail) => <PersonBody detail={detail} reload={load.reload} />}</Loaded>
    </>
  )
}

function PersonBody({ detail, reload }: { detail: PersonDetail; reload: () => void }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const navigate = useNavigate()
  const can = useCan()
  const [action, setAction] = useState<AccountAction | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const a = detail.account
  const acct = a.account

  return (
    <>
      <header className="card admin-card person-head">
        <div className="person-id">
          <Avatar
            user={{
              avatar: acct.avatar?.includes('/missing') ? null : acct.avatar,
              display_name: acct.display_name,
              username: acct.username,
            }}
            size={72}
          />
          <div className="person-names">
            <h1 dir="auto">{acct.display_name || acct.username}</h1>
            <p className="muted" dir="ltr">
              @{acct.username}
            </p>
            <span className="admin-badges">
              <RoleBadge account={a} />
              <AccountBadges account={a} />
            </span>
          </div>
        </div>
        {a.suspended_until && (
          <p className="small">
            {t('admin.person.suspended_until', { when: formatDateTime(a.suspended_until, locale) })}
          </p>
        )}
        {notice && <Alert tone="success">{notice}</Alert>}
        <PersonActions account={a} onAction={setAction} />
      </header>

      {!a.approved && (
        <PendingCard
          account={a}
          onDecided={(removed) => (removed ? navigate('/admin/people?status=pending') : reload())}
        />
      )}

      <div className="person-grid">
        <div className="person-main">
          <RecentPosts detail={detail} />
          <ReportsCard
            title={t('admin.person.reports_against')}
            reports={detail.reports_against}
            empty={t('admin.person.no_reports_against')}
          />
          <ReportsCard
            title={t('admin.person.reports_by')}
            reports={detail.reports_by}
            empty={t('admin.person.no_reports_by')}
            by
          />
          <WarningsCard detail={detail} />
        </div>
        <div className="person-side">
          <ProfileCard account={a} />
          {can('manage_roles') && <RoleCard account={a} onChanged={reload} />}
          <NotesCard detail={detail} onChanged={reload} />
          <SessionsCard detail={detail} />
        </div>
      </div>

      <AccountActionDialog
        account={a}
        action={action}
        onClose={() => setAction(null)}
        onDone={(result) => {
          const done = action
          setAction(null)
          if (result.deleted) {
            navigate('/admin/people', { replace: true })
            return
          }
          setNotice(done ? t(`admin.action.done.${done}`) : null)
          reload()
        }}
      />
    </>
  )
}

function PersonActions({ account: a, onAction }: { account: AdminAccount; onAction: (x: AccountAction) => void }) {
  const { t } = useTranslation()
  const can = useCan()
  const { user } = useSession()
  if (a.id === user?.id) return <p className="muted small">{t('admin.person.this_is_you')}</p>
  const actions: { key: AccountAction; tone?: 'danger' }[] = [
    { key: 'warn' },
    { key: a.limited ? 'unlimit' : 'limit' },
    { key: a.sensitized ? 'unsensitive' : 'sensitive' },
    { key: a.disabled ? 'enable' : 'disable' },
    { key: a.suspended ? 'unsuspend' : 'suspend', tone: a.suspended ? undefined : 'danger' },
  ]
  if (can('delete_user_data')) actions.push({ key: 'delete_account', tone: 'danger' })
  return (
    <fieldset className="person-actions plain-fieldset">
      <legend className="visually-hidden">{t('admin.person.actions')}</legend>
      {actions.map(({ key, tone }) => (
        <Button key={key} size="sm" variant={tone === 'danger' ? 'danger' : 'secondary'} onClick={() => onAction(key)}>
          {t(`admin.action.button.${key}`)}
        </Button>
      ))}
    </fieldset>
  )
}

function PendingCard({ account, onDecided }: { account: AdminAccount; onDecided: (removed: boolean) => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const approve = async () => {
    setBusy(true)
    setError(null)
    try {
      await approvePerson(account.id)
      onDecided(false)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card admin-card pending-card" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('admin.person.pending_title')}</h2>
      {account.invite_request ? (
        <blockquote className="pending-reason" dir="auto">
          {account.invite_request}
        </blockquote>
      ) : (
        <p className="muted">{t('admin.person.no_reason')}</p>
      )}
      {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
      <div className="button-row">
        <Button onClick={approve} busy={busy}>
          {t('admin.people.approve')}
        </Button>
        <ConfirmButton
          question={t('admin.people.reject_question')}
          confirmLabel={t('admin.people.reject')}
          onConfirm={async () => {
            try {
              await rejectPerson(account.id)
              onDecided(true)
            } catch (err) {
              setError(err)
            }
          }}
        >
          {t('admin.people.reject')}
        </ConfirmButton>
      </div>
    </section>
  )
}
