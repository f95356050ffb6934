import './audit.css'
import { type FormEvent, Fragment, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { type AuditEntry, listAudit } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { Spinner } from '../../../components/Spinner.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { ChevronIcon, SearchIcon } from '../admin-icons.tsx'
import { Empty, Forbidden, isForbidden, SectionHead, When } from '../admin-ui.tsx'

const PAGE = 50

/** Every administrative and moderation action, newest first: who, what, when, before and after. */
export function AuditSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.audit.title'))
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const [text, setText] = useState(q)
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [more, setMore] = useState(false)
  const [busyMore, setBusyMore] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [round, setRound] = useState(0)
  const searchId = useId()

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads when the query or round changes
  useEffect(() => {
    let live = true
    setEntries(null)
    setError(null)
    listAudit({ q, limit: PAGE }).then(
      (list) => {
        if (!live) return
        setEntries(list)
        setMore(list.length === PAGE)
      },
      (err) => live && setError(err),
    )
    return () => {
      live = false
    }
  }, [q, round])

  const search = (e: FormEvent) => {
    e.preventDefault()
    const next = new URLSearchParams(params)
    if (text.trim()) next.set('q', text.trim())
    else next.delete('q')
    setParams(next, { replace: true })
  }

  const loadMore = async () => {
    const last = entries?.at(-1)
    if (!last) return
    setBusyMore(true)
    try {
      const next = await listAudit({ q, limit: PAGE, max_id: last.id })
      setEntries((list) => [...(list ?? []), ...next])
      setMore(next.length === PAGE)
    } catch (err) {
      setError(err)
    } finally {
      setBusyMore(false)
    }
  }

  if (isForbidden(error)) return <Forbidden />

  return (
    <>
      <SectionHead title={t('admin.audit.title')} intro={t('admin.audit.intro')} />
      <form className="admin-inline-form" onSubmit={search}>
        <div className="field">
          <label className="field-label" htmlFor={searchId}>
            {t('admin.audit.search')}
          </label>
          <div className="admin-search">
            <SearchIcon size={18} />
            <input
              id={searchId}
              className="input"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={`${searchId}-hint`}
              dir="auto"
            />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          {t('admin.audit.search_button')}
        </Button>
      </form>
      <p className="field-hint admin-inline-hint" id={`${searchId}-hint`}>
        {t('admin.audit.search_hint')}
      </p>
      <section className="card admin-card" aria-labelledby="audit-results">
        <h2 id="audit-results" className="visually-hidden">
          {t('admin.audit.results')}
        </h2>
        {error !== null && (
          <Alert
            tone="error"
            actions={
              <Button variant="secondary" size="sm" onClick={() => setRound((r) => r + 1)}>
                {t('common.try_again')}
              </Button>
            }
          >
            {describeError(t, error)}
          </Alert>
        )}
        {entries === null ? (
          error === null && (
            <div className="center admin-loading">
              <Spinner size={28} />
            </div>
          )
        ) : entries.length === 0 ? (
          <Empty>{q ? t('admin.audit.no_match') : t('admin.audit.empty')}</Empty>
        ) : (
          <AuditTable entries={entries} />
        )}
        {more && (
          <div className="admin-more">
            <Button variant="secondary" onClick={loadMore} busy={busyMore}>
              {t('admin.load_more')}
            </Button>
          </div>
        )}
      </section>
    </>
  )
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<Set<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  return (
    <table className="admin-table audit-table">
      <thead>
        <tr>
          <th scope="col">{t('admin.audit.when')}</th>
          <th scope="col">{t('admin.audit.who')}</th>
          <th scope="col">{t('admin.audit.what')}</th>
          <th scope="col">{t('admin.audit.target')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('admin.audit.details')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const hasDiff = !!(e.before || e.after)
          const expanded = open.has(e.id)
          return (
            <Fragment key={e.id}>
              <tr className="audit-row">
                <td data-label={t('admin.audit.when')}>
                  <When iso={e.created_at} />
                </td>
                <td data-label={t('admin.audit.who')}>
                  {e.actor ? (
                    <Link to={`/admin/people/${e.actor.id}`} dir="ltr">
                      @{e.actor.username}
                    </Link>
                  ) : (
                    <span className="muted">{t('admin.audit.system')}</span>
                  )}
                </td>
                <td data-label={t('admin.audit.what')}>
                  <span className="audit-action">
                    {t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}
                  </span>
                </td>
                <td data-label={t('admin.audit.target')}>
                  <AuditTarget entry={e} />
                </td>
                <td className="cell-actions">
                  {hasDiff && (
                    <button
                      type="button"
                      className="audit-toggle"
                      aria-expanded={expanded}
                      aria-controls={`audit-${e.id}`}
                      onClick={() => toggle(e.id)}
                    >
                      <span>{expanded ? t('admin.audit.hide') : t('admin.audit.show')}</span>
                      <ChevronIcon size={16} />
                    </button>
                  )}
                </td>
              </tr>
              {hasDiff && expanded && (
                <tr className="audit-diff-row" id={`audit-${e.id}`}>
                  <td colSpan={5}>
                    <Diff before={e.before} after={e.after} />
                  </td>
                </tr>
              )}
            </Fragment>
          )
        })}
      </tbody>
    </table>
  )
}

function AuditTarget({ entry: e }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const type = t(`admin.audit.types.${e.target.type}`, { defaultValue: e.target.type })
  const label = e.target.label || e.target.id
  if (e.target.type === 'account') {
    return (
      <Link to={`/admin/people/${e.target.id}`}>
        <span dir="auto">{label}</span>
      </Link>
    )
  }
  if (e.target.type === 'report') {
    return <Link to={`/admin/reports/${e.target.id}`}>{t('admin.audit.report_n', { id: e.target.id })}</Link>
  }
  return (
    <span className="audit-target">
      <span className="muted">{type}</span> <span dir="auto">{label}</span>
    </span>
  )
}

function show(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  return JSON.stringify(value, null, 1)
}

/** Before and after, field by field; changed fields are marked. */
function Diff({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const { t } = useTranslation()
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  return (
    <table className="audit-diff">
      <caption className="visually-hidden">{t('admin.audit.diff')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.audit.field')}</th>
          <th scope="col">{t('admin.audit.before')}</th>
          <th scope="col">{t('admin.audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const b = before?.[k]
          const a = after?.[k]
          const changed = JSON.stringify(a) !== JSON.stringify(b)
          return (
            <tr key={k} className={changed ? 'diff-changed' : undefined}>
              <th scope="row">
                <code>{k}</code>
              </th>
              <td className="diff-before">
                {b === undefined ? <span className="muted">—</span> : <pre dir="auto">{show(b)}</pre>}
              </td>
              <td className="diff-after">
                {a === undefined ? <span className="muted">—</span> : <pre dir="auto">{show(a)}</pre>}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
