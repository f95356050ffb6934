import './reports.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { assignReport, decideAppeal, decideHeldPost, listQueue, type QueueItem } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmButton } from '../../../components/ConfirmButton.tsx'
import { useSession } from '../../../context/session.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { plainText } from '../../report/plain-text.ts'
import { ChevronIcon } from '../admin-icons.tsx'
import { Loaded, PersonLink, SectionHead, When } from '../admin-ui.tsx'
import { SeverityBadge } from './SeverityBadge.tsx'

const KINDS = ['', 'report', 'appeal', 'held_post'] as const
const ASSIGNED = ['', 'me', 'unassigned'] as const

/** The moderation queue: gravest first, then oldest; reports on one target are one item. */
export function QueueSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.reports.title'))
  const [params, setParams] = useSearchParams()
  const kind = (params.get('kind') ?? '') as (typeof KINDS)[number]
  const assigned = (params.get('assigned') ?? '') as (typeof ASSIGNED)[number]
  const queue = useLoad(() => listQueue({ kind: kind || undefined, assigned: assigned || undefined }), [kind, assigned])

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }

  return (
    <>
      <SectionHead title={t('admin.reports.title')} intro={t('admin.reports.intro')} />
      <div className="queue-filters">
        <fieldset className="people-status plain-fieldset">
          <legend className="visually-hidden">{t('admin.reports.kind_filter')}</legend>
          {KINDS.map((k) => (
            <button
              key={k || 'all'}
              type="button"
              className="chip"
              aria-pressed={kind === k}
              onClick={() => set('kind', k)}
            >
              {t(`admin.reports.kinds.${k || 'all'}`)}
            </button>
          ))}
        </fieldset>
        <fieldset className="people-status plain-fieldset">
          <legend className="visually-hidden">{t('admin.reports.assigned_filter')}</legend>
          {ASSIGNED.map((a) => (
            <button
              key={a || 'any'}
              type="button"
              className="chip"
              aria-pressed={assigned === a}
              onClick={() => set('assigned', a)}
            >
              {t(`admin.reports.assigned.${a || 'any'}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <Loaded load={queue}>
        {(items) =>
          items.length === 0 ? (
            <section className="card admin-card queue-empty">
              <h2>{t('admin.reports.empty_title')}</h2>
              <p className="muted">{t('admin.reports.empty')}</p>
            </section>
          ) : (
            <ol className="queue" aria-label={t('admin.reports.queue_label', { count: items.length })}>
              {items.map((item) => (
                <QueueEntry key={entryKey(item)} item={item} onChanged={queue.reload} />
              ))}
            </ol>
          )
        }
      </Loaded>
    </>
  )
}

function entryKey(item: QueueItem): string {
  if (item.kind === 'report') return `r:${item.target_key}`
  if (item.kind === 'appeal') return `a:${item.appeal.id}`
  return `h:${item.post.id}`
}

function QueueEntry({ item, onChanged }: { item: QueueItem; onChanged: () => void }) {
  const { t } = useTranslation()
  const { user } = useSession()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const run = async (what: string, action: () => Promise<unknown>) => {
    setBusy(what)
    setError(null)
    try {
      await action()
      onChanged()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }

  if (item.kind === 'report') {
    const r = item.latest_report
    if (!r) return null
    const statusText = r.statuses[0] ? plainText(r.statuses[0].content, 200) : ''
    const mine = item.assigned_account_id === user?.id
    return (
      <li className={`card queue-item sev-edge-${item.severity}`}>
        <div className="queue-item-head">
          <SeverityBadge severity={item.severity} />
          <span className={`badge sev-${r.kith_category}`}>{t(`report.categories.${r.kith_category}`)}</span>
          <span className="muted small">
            {t('admin.reports.count', { count: item.reports_count })} · <When iso={item.since} />
          </span>
        </div>
        <h2 className="queue-item-title">
          <Link to={`/admin/reports/${r.id}`}>
            {t(`admin.reports.target.${r.target_type}`, { username: r.target_account?.username ?? '?' })}
            <ChevronIcon size={18} />
          </Link>
        </h2>
        {statusText && (
          <p className="queue-excerpt" dir="auto">
            {statusText}
          </p>
        )}
        {r.comment && (
          <p className="queue-comment" dir="auto">
            <span className="muted">{t('admin.reports.reporter_said')} </span>“{plainText(r.comment, 200)}”
          </p>
        )}
        <div className="queue-item-foot">
          <span className="small">
            {r.assigned_account ? (
              t('admin.reports.assigned_to', { username: mine ? t('admin.reports.you') : r.assigned_account.username })
            ) : (
              <span className="muted">{t('admin.reports.unassigned')}</span>
            )}
          </span>
          <span className="button-row">
            {!mine && (
              <Button
                size="sm"
                variant="secondary"
                busy={busy === 'claim'}
                onClick={() => run('claim', () => assignReport(r.id, user!.id))}
              >
                {t('admin.reports.claim')}
              </Button>
            )}
            <Link className="btn btn-primary btn-sm" to={`/admin/reports/${r.id}`}>
              {t('admin.reports.review')}
            </Link>
          </span>
        </div>
        {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
      </li>
    )
  }

  if (item.kind === 'appeal') {
    return (
      <li className={`card queue-item sev-edge-${item.severity}`}>
        <div className="queue-item-head">
          <SeverityBadge severity={item.severity} />
          <span className="badge badge-info">{t('admin.reports.kinds.appeal')}</span>
          <span className="muted small">
            <When iso={item.since} />
          </span>
        </div>
        <PersonLink account={item.account} size={32} />
        <p className="queue-comment" dir="auto">
          “{item.appeal.text}”
        </p>
        <div className="queue-item-foot">
          <span />
          <span className="button-row">
            <Button
              size="sm"
              variant="secondary"
              busy={busy === 'reject'}
              onClick={() => run('reject', () => decideAppeal(item.appeal.id, 'reject'))}
            >
              {t('admin.reports.appeal_reject')}
            </Button>
            <Button
              size="sm"
              busy={busy === 'approve'}
              onClick={() => run('approve', () => decideAppeal(item.appeal.id, 'approve'))}
            >
              {t('admin.reports.appeal_approve')}
            </Button>
          </span>
        </div>
        {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
      </li>
    )
  }

  return (
    <li className={`card queue-item sev-edge-${item.severity}`}>
      <div className="queue-item-head">
        <SeverityBadge severity={item.severity} />
        <span className="badge badge-warning">{t('admin.reports.kinds.held_post')}</span>
        <span className="muted small">
          <When iso={item.since} />
        </span>
      </div>
      <PersonLink account={item.account} size={32} />
      <p className="queue-excerpt" dir="auto">
        {plainText(item.post.content_html, 400) || item.post.text}
      </p>
      <div className="queue-item-foot">
        <span className="muted small">{t('admin.reports.held_hint')}</span>
        <span className="button-row">
          <ConfirmButton
            question={t('admin.reports.held_reject_question')}
            confirmLabel={t('admin.reports.held_reject')}
            onConfirm={() => run('reject', () => decideHeldPost(item.post.id, 'reject'))}
          >
            {t('admin.reports.held_reject')}
          </ConfirmButton>
          <Button
            size="sm"
            busy={busy === 'approve'}
            onClick={() => run('approve', () => decideHeldPost(item.post.id, 'approve'))}
          >
            {t('admin.reports.held_approve')}
          </Button>
        </span>
      </div>
      {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
    </li>
  )
}
