// The cards of a person's moderation page: account facts, role, recent posts, reports, warnings,
// moderator notes and sign-ins.
import { type FormEvent, type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  type AdminAccount,
  type AdminReport,
  addNote,
  deleteNote,
  type PersonDetail,
  setRole,
} from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmButton } from '../../../components/ConfirmButton.tsx'
import { useLocale } from '../../../context/locale.tsx'
import { useSession } from '../../../context/session.tsx'
import { describeError } from '../../../lib/errors.ts'
import { formatDate, formatDateTime } from '../../../lib/format.ts'
import { describeUserAgent } from '../../../lib/user-agent.ts'
import { plainText } from '../../report/plain-text.ts'
import { Empty, roleOf, When } from '../admin-ui.tsx'

export function ProfileCard({ account: a }: { account: AdminAccount }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const rows: [string, ReactNode][] = [
    [
      t('admin.person.email'),
      <span dir="ltr" key="e">
        {a.email}
      </span>,
    ],
    [t('admin.person.confirmed'), a.confirmed ? t('admin.yes') : t('admin.no')],
    [t('admin.person.joined'), formatDate(a.created_at, locale)],
    [t('admin.person.language'), t(`language_names.${a.locale}`, { defaultValue: a.locale })],
    [
      t('admin.person.last_ip'),
      a.ip ? (
        <code dir="ltr" key="ip">
          {a.ip}
        </code>
      ) : (
        '—'
      ),
    ],
  ]
  if (a.invited_by_account_id) {
    rows.push([
      t('admin.person.invited_by'),
      <Link key="i" to={`/admin/people/${a.invited_by_account_id}`}>
        {t('admin.person.inviter')}
      </Link>,
    ])
  }
  const bio = plainText(a.account.note, 600)
  return (
    <section className="card admin-card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('admin.person.profile')}</h2>
      {bio && (
        <p className="person-bio" dir="auto">
          {bio}
        </p>
      )}
      <dl className="person-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

export function RoleCard({ account, onChanged }: { account: AdminAccount; onChanged: () => void }) {
  const { t } = useTranslation()
  const { user } = useSession()
  const current = roleOf(account)
  const [role, setRoleDraft] = useState(current)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState(false)
  // Nobody hands out, or changes someone at, a role at or above their own; owners come from the CLI.
  const rank = { user: 0, moderator: 1, admin: 2, owner: 3 } as const
  const mine = rank[(user?.role ?? 'user') as keyof typeof rank]
  const options = (['user', 'moderator', 'admin'] as const).filter((r) => rank[r] < mine)
  const locked = rank[current] >= mine || account.id === user?.id
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      await setRole(account.id, { role: role as 'admin' | 'moderator' | 'user' })
      setSaved(true)
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card admin-card" aria-labelledby="role-title">
      <h2 id="role-title">{t('admin.person.role')}</h2>
      {locked ? (
        <p className="muted small">
          {t('admin.person.role_is', { role: t(`admin.roles.${current}`) })} {t('admin.person.role_locked')}
        </p>
      ) : (
        <form className="admin-inline-form" onSubmit={submit}>
          <div className="field">
            <label className="field-label" htmlFor="person-role">
              {t('admin.person.role_label')}
            </label>
            <select
              id="person-role"
              className="select"
              value={role}
              onChange={(e) => {
                setRoleDraft(e.target.value as typeof role)
                setSaved(false)
              }}
            >
              {options.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" busy={busy} disabled={role === current}>
            {t('admin.person.change_role')}
          </Button>
        </form>
      )}
      {saved && <Alert tone="success">{t('admin.person.role_changed')}</Alert>}
      {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
    </section>
  )
}

export function RecentPosts({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation()
  return (
    <section className="card admin-card" aria-labelledby="posts-title">
      <h2 id="posts-title">{t('admin.person.recent_posts')}</h2>
      {detail.recent_posts.length === 0 ? (
        <Empty>{t('admin.person.no_posts')}</Empty>
      ) : (
        <ul className="person-posts">
          {detail.recent_posts.slice(0, 10).map((s) => (
            <li key={s.id} className="person-post">
              <p className="person-post-text" dir="auto">
                {plainText(s.spoiler_text) || plainText(s.content, 400) || t('report.post_without_text')}
              </p>
              <p className="muted small">
                <When iso={s.created_at} />
                {s.media_attachments.length > 0 && (
                  <> · {t('admin.person.attachments', { count: s.media_attachments.length })}</>
                )}
                {' · '}
                <a href={s.url ?? '#'}>{t('admin.person.open_post')}</a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function ReportsCard({
  title,
  reports,
  empty,
  by,
}: {
  title: string
  reports: AdminReport[]
  empty: string
  by?: boolean
}) {
  const { t } = useTranslation()
  return (
    <section className="card admin-card">
      <h2>{title}</h2>
      {reports.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <ul className="person-reports">
          {reports.map((r) => (
            <li key={r.id}>
              <Link to={`/admin/reports/${r.id}`} className="person-report-link">
                <span className={`badge sev-${r.kith_category}`}>{t(`report.categories.${r.kith_category}`)}</span>
                <span className="person-report-who" dir="auto">
                  {by
                    ? t('admin.person.reported_someone', { username: r.target_account?.username ?? '?' })
                    : t('admin.person.reported_by', { username: r.account?.username ?? '?' })}
                </span>
              </Link>
              <span className="muted small">
                <When iso={r.created_at} /> ·{' '}
                {r.action_taken ? t(`admin.reports.resolution.${r.resolution ?? 'actioned'}`) : t('admin.reports.open')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function WarningsCard({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation()
  return (
    <section className="card admin-card" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t('admin.person.warnings')}</h2>
      {detail.warnings.length === 0 ? (
        <Empty>{t('admin.person.no_warnings')}</Empty>
      ) : (
        <ul className="person-list">
          {detail.warnings.map((w) => (
            <li key={w.id}>
              <p className="person-list-title">
                <span>{t(`admin.action.past.${w.action}`, { defaultValue: w.action })}</span>
                {w.overturned_at && <span className="badge badge-success">{t('admin.person.overturned')}</span>}
              </p>
              {w.text && (
                <p className="small" dir="auto">
                  {w.text}
                </p>
              )}
              <p className="muted small">
                <When iso={w.created_at} />
                {w.report_id && (
                  <>
                    {' · '}
                    <Link to={`/admin/reports/${w.report_id}`}>{t('admin.person.from_report')}</Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function NotesCard({ detail, onChanged }: { detail: PersonDetail; onChanged: () => void }) {
  const { t } = useTranslation()
  const { user } = useSession()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!text.trim()) return
    setBusy(true)
    setError(null)
    try {
      await addNote(detail.account.id, text.trim())
      setText('')
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card admin-card" aria-labelledby="notes-title">
      <div className="admin-card-head">
        <div>
          <h2 id="notes-title">{t('admin.person.notes')}</h2>
          <p className="muted small">{t('admin.person.notes_intro')}</p>
        </div>
      </div>
      {detail.notes.length > 0 && (
        <ul className="person-list">
          {detail.notes.map((n) => (
            <li key={n.id}>
              <p className="small person-note" dir="auto">
                {n.text}
              </p>
              <div className="person-note-meta">
                <span className="muted small">
                  <When iso={n.created_at} />
                  {n.author_account_id === user?.id && <> · {t('admin.person.by_you')}</>}
                </span>
                {n.author_account_id === user?.id && (
                  <ConfirmButton
                    question={t('admin.person.delete_note_question')}
                    confirmLabel={t('admin.person.delete_note')}
                    onConfirm={async () => {
                      await deleteNote(n.id)
                      onChanged()
                    }}
                  >
                    {t('admin.person.delete_note')}
                  </ConfirmButton>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="admin-form" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor="note-text">
            {t('admin.person.add_note')}
          </label>
          <textarea
            id="note-text"
            className="input"
            rows={2}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            dir="auto"
          />
        </div>
        {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
        <Button type="submit" size="sm" variant="secondary" busy={busy} disabled={!text.trim()}>
          {t('admin.person.save_note')}
        </Button>
      </form>
    </section>
  )
}

export function SessionsCard({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const live = detail.sessions.filter((s) => !s.revoked_at)
  return (
    <section className="card admin-card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('admin.person.sign_ins')}</h2>
      {detail.ips.length === 0 && detail.sessions.length === 0 ? (
        <Empty>{t('admin.person.no_sign_ins')}</Empty>
      ) : (
        <>
          <h3 className="person-sub">{t('admin.person.ips')}</h3>
          <ul className="person-ips">
            {detail.ips.map((ip) => (
              <li key={ip.ip} className="person-ip">
                <Link to={`/admin/people?ip=${encodeURIComponent(ip.ip)}`}>
                  <code dir="ltr">{ip.ip}</code>
                </Link>
                <span className="muted small">
                  <When iso={ip.used_at} />
                </span>
              </li>
            ))}
          </ul>
          <h3 className="person-sub">{t('admin.person.sessions', { count: live.length })}</h3>
          <ul className="person-list">
            {detail.sessions.slice(0, 10).map((s) => {
              const d = describeUserAgent(s.user_agent)
              return (
                <li key={s.id}>
                  <p className="person-list-title">
                    <span>{[d.browser, d.os].filter(Boolean).join(' · ') || t('admin.person.unknown_device')}</span>
                    {s.revoked_at ? (
                      <span className="badge badge-muted">{t('admin.person.ended')}</span>
                    ) : (
                      <span className="badge badge-success">{t('admin.person.active')}</span>
                    )}
                  </p>
                  <p className="muted small">
                    <code dir="ltr">{s.ip}</code> ·{' '}
                    {t('admin.person.last_seen', { when: formatDateTime(s.last_seen_at, locale) })}
                  </p>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
