import './reports.css'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import {
  type AccountAction,
  type AdminAccount,
  assignReport,
  type Evidence,
  getReport,
  listPeople,
  type ReportDetail,
} from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { useLocale } from '../../../context/locale.tsx'
import { useSession } from '../../../context/session.tsx'
import { describeError } from '../../../lib/errors.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { BackIcon } from '../admin-icons.tsx'
import { AccountBadges, Loaded, PersonLink, RoleBadge, When } from '../admin-ui.tsx'
import { AccountActionDialog } from '../people/AccountActionDialog.tsx'
import { DecisionForm, Resolution } from './ReportDecision.tsx'
import { SeverityBadge } from './SeverityBadge.tsx'

const SEVERITY: Record<string, number> = {
  child_safety: 3,
  terrorism: 3,
  violence: 3,
  harassment: 2,
  illegal: 2,
  spam: 1,
  other: 1,
}

export function ReportPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  useDocumentTitle(t('admin.report.title', { id }))
  const load = useLoad(() => getReport(id), [id])
  return (
    <>
      <Link to="/admin/reports" className="admin-back">
        <BackIcon size={18} />
        {t('admin.report.back')}
      </Link>
      <Loaded load={load}>{(detail) => <ReportBody detail={detail} reload={load.reload} />}</Loaded>
    </>
  )
}

function ReportBody({ detail, reload }: { detail: ReportDetail; reload: () => void }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const r = detail.report
  const open = !r.action_taken
  const severity = Math.max(...detail.group.map((g) => SEVERITY[g.kith_category] ?? 1))
  const target = r.target_account
  const [action, setAction] = useState<AccountAction | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // Posts still online are among the presented statuses; evidence of the rest outlived them.
  const live = new Set(detail.group.flatMap((g) => g.statuses.map((s) => s.id)))
  const evidence = dedupe(detail.evidence)

  return (
    <>
      <header className="card admin-card report-head">
        <div className="queue-item-head">
          <SeverityBadge severity={severity} />
          <span className={`badge sev-${r.kith_category}`}>{t(`report.categories.${r.kith_category}`)}</span>
          {open ? (
            <span className="badge badge-info">{t('admin.reports.open')}</span>
          ) : (
            <span className="badge badge-success">{t(`admin.reports.resolution.${r.resolution ?? 'actioned'}`)}</span>
          )}
        </div>
        <h1>{t(`admin.reports.target.${r.target_type}`, { username: target?.username ?? '?' })}</h1>
        <p className="muted small">
          {t('admin.report.meta', { count: detail.group.length })} ·{' '}
          <When iso={detail.group.at(-1)?.created_at ?? r.created_at} />
        </p>
        <Assignee detail={detail} onChanged={reload} />
      </header>

      {notice && <Alert tone="success">{notice}</Alert>}

      <div className="report-grid">
        <div className="report-main">
          <section className="card admin-card" aria-labelledby="evidence-title">
            <div className="admin-card-head">
              <div>
                <h2 id="evidence-title">{t('admin.report.evidence')}</h2>
                <p className="muted small">{t('admin.report.evidence_intro')}</p>
              </div>
            </div>
            {evidence.length === 0 ? (
              <p className="empty-inline">{t('admin.report.no_evidence')}</p>
            ) : (
              <ul className="evidence-list">
                {evidence.map((e) => (
                  <EvidenceItem key={e.id} evidence={e} removed={!live.has(e.post_id)} />
                ))}
              </ul>
            )}
          </section>

          <section className="card admin-card" aria-labelledby="reporters-title">
            <h2 id="reporters-title">{t('admin.report.reporters', { count: detail.group.length })}</h2>
            <ul className="reporters">
              {detail.group.map((g) => (
                <li key={g.id}>
                  <div className="reporter-head">
                    <PersonLink account={g.account} size={32} />
                    <span className={`badge sev-${g.kith_category}`}>{t(`report.categories.${g.kith_category}`)}</span>
                  </div>
                  {g.comment ? (
                    <p className="reporter-comment" dir="auto">
                      {g.comment}
                    </p>
                  ) : (
                    <p className="muted small">{t('admin.report.no_comment')}</p>
                  )}
                  {g.rules.length > 0 && (
                    <ul className="reporter-rules">
                      {g.rules.map((rule) => (
                        <li key={rule.id} dir="auto">
                          {rule.text}
                        </li>
                      ))}
                    </ul>
                  )}
                  <p className="muted small">
                    <time dateTime={g.created_at}>{formatDateTime(g.created_at, locale)}</time>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        </div>

        <div className="report-side">
          {target && (
            <section className="card admin-card" aria-labelledby="target-title">
              <h2 id="target-title">{t('admin.report.reported_account')}</h2>
              <PersonLink account={target} size={44} />
              <span className="admin-badges">
                <RoleBadge account={target} />
                <AccountBadges account={target} />
              </span>
              <TargetActions account={target} onAction={setAction} />
            </section>
          )}
          {open ? (
            <DecisionForm
              detail={detail}
              hasPosts={evidence.length > 0}
              onDecided={(what) => {
                setNotice(t(`admin.report.decided.${what}`))
                reload()
              }}
            />
          ) : (
            <Resolution detail={detail} onReopened={reload} />
          )}
        </div>
      </div>

      {target && (
        <AccountActionDialog
          account={target}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            const done = action
            setAction(null)
            setNotice(done ? t(`admin.action.done.${done}`) : null)
            reload()
          }}
        />
      )}
    </>
  )
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>()
  return evidence.filter((e) => !seen.has(e.post_id) && seen.add(e.post_id))
}

function EvidenceItem({ evidence: e, removed }: { evidence: Evidence; removed: boolean }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  return (
    <li className="evidence">
      <div className="evidence-head">
        <span className="evidence-author" dir="ltr">
          @{e.username}
        </span>
        <span className="muted small">
          <time dateTime={e.posted_at}>{formatDateTime(e.posted_at, locale)}</time>
        </span>
        {removed && <span className="badge badge-danger">{t('admin.report.removed')}</span>}
        {e.sensitive && <span className="badge badge-warning">{t('admin.report.sensitive')}</span>}
      </div>
      {e.spoiler_text && (
        <p className="evidence-cw" dir="auto">
          {t('admin.report.content_warning')}: {e.spoiler_text}
        </p>
      )}
      {/* content_html is the post's own rendering: plain text escaped by the server, links only. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-escaped post HTML */}
      <div className="evidence-body" dir="auto" dangerouslySetInnerHTML={{ __html: e.content_html }} />
      {e.media.length > 0 && (
        <ul className="evidence-media">
          {e.media.map((m) => (
            <li key={m.id}>
              {m.type === 'image' || m.type === 'gifv' ? (
                <a href={m.evidence_url} target="_blank" rel="noreferrer">
                  <img src={m.evidence_url} alt={m.description || t('admin.report.attachment')} loading="lazy" />
                </a>
              ) : (
                <a href={m.evidence_url} target="_blank" rel="noreferrer">
                  {t('admin.report.attachment')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t('admin.report.captured', { when: formatDateTime(e.captured_at, locale) })}</p>
    </li>
  )
}

function TargetActions({ account: a, onAction }: { account: AdminAccount; onAction: (x: AccountAction) => void }) {
  const { t } = useTranslation()
  const actions: AccountAction[] = ['warn', a.limited ? 'unlimit' : 'limit', a.suspended ? 'unsuspend' : 'suspend']
  return (
    <fieldset className="button-row plain-fieldset">
      <legend className="visually-hidden">{t('admin.report.account_actions')}</legend>
      {actions.map((key) => (
        <Button key={key} size="sm" variant={key === 'suspend' ? 'danger' : 'secondary'} onClick={() => onAction(key)}>
          {t(`admin.action.button.${key}`)}
        </Button>
      ))}
      <Link className="btn btn-ghost btn-sm" to={`/admin/people/${a.id}`}>
        {t('admin.report.account_page')}
      </Link>
    </fieldset>
  )
}

function Assignee({ detail, onChanged }: { detail: ReportDetail; onChanged: () => void }) {
  const { t } = useTranslation()
  const { user } = useSession()
  const selectId = useId()
  const r = detail.report
  const [staff, setStaff] = useState<AdminAccount[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    let live = true
    listPeople({ role: 'staff', limit: 100 }).then(
      (list) => live && setStaff(list),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  const assign = async (accountId: string | null) => {
    setBusy(true)
    setError(null)
    try {
      await assignReport(r.id, accountId)
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const current = r.assigned_account?.id ?? ''
  return (
    <div className="assignee">
      <div className="field assignee-field">
        <label className="field-label" htmlFor={selectId}>
          {t('admin.report.assignee')}
        </label>
        <select
          id={selectId}
          className="select"
          value={current}
          disabled={busy}
          onChange={(e) => assign(e.target.value || null)}
        >
          <option value="">{t('admin.reports.unassigned')}</option>
          {r.assigned_account && !staff.some((s) => s.id === current) && (
            <option value={current}>@{r.assigned_account.username}</option>
          )}
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              @{s.username}
              {s.id === user?.id ? ` (${t('admin.reports.you')})` : ''}
            </option>
          ))}
        </select>
      </div>
      {current !== user?.id && (
        <Button size="sm" variant="secondary" busy={busy} onClick={() => assign(user!.id)}>
          {t('admin.reports.claim')}
        </Button>
      )}
      {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
    </div>
  )
}
