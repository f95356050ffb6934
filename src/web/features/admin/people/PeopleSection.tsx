import './people.css'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import {
  type AdminAccount,
  approvePerson,
  listPeople,
  type PeopleQuery,
  type PeopleStatus,
  rejectPerson,
} from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmButton } from '../../../components/ConfirmButton.tsx'
import { Spinner } from '../../../components/Spinner.tsx'
import { describeError } from '../../../lib/errors.ts'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { SearchIcon } from '../admin-icons.tsx'
import { AccountBadges, Empty, Forbidden, isForbidden, PersonLink, RoleBadge, SectionHead, When } from '../admin-ui.tsx'

const STATUSES: ('' | PeopleStatus)[] = ['', 'new', 'pending', 'reported', 'suspended', 'limited', 'disabled']
const ROLES = ['', 'staff', 'owner', 'admin', 'moderator', 'user'] as const
const PAGE = 40

export function PeopleSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.people.title'))
  const [params, setParams] = useSearchParams()
  const query: PeopleQuery = {
    status: (params.get('status') as PeopleStatus) || undefined,
    role: (params.get('role') as PeopleQuery['role']) || undefined,
    q: params.get('q') || undefined,
    email_domain: params.get('email_domain') || undefined,
    email: params.get('email') || undefined,
    ip: params.get('ip') || undefined,
  }
  const key = params.toString()
  const [people, setPeople] = useState<AdminAccount[] | null>(null)
  const [more, setMore] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [round, setRound] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is keyed by the URL
  useEffect(() => {
    let live = true
    setPeople(null)
    setError(null)
    listPeople({ ...query, limit: PAGE }).then(
      (list) => {
        if (!live) return
        setPeople(list)
        setMore(list.length === PAGE)
      },
      (err) => live && setError(err),
    )
    return () => {
      live = false
    }
  }, [key, round])

  const loadMore = async () => {
    const last = people?.at(-1)
    if (!last) return
    setLoadingMore(true)
    try {
      const next = await listPeople({ ...query, limit: PAGE, max_id: last.id })
      setPeople((list) => [...(list ?? []), ...next])
      setMore(next.length === PAGE)
    } catch (err) {
      setError(err)
    } finally {
      setLoadingMore(false)
    }
  }

  const setFilter = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v)
      else next.delete(k)
    }
    setParams(next, { replace: true })
  }

  if (isForbidden(error)) return <Forbidden />

  return (
    <>
      <SectionHead title={t('admin.people.title')} intro={t('admin.people.intro')} />
      <Filters params={params} onChange={setFilter} />
      <section className="card admin-card" aria-labelledby="people-results">
        <h2 id="people-results" className="visually-hidden">
          {t('admin.people.results')}
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
        {people === null ? (
          error === null && (
            <div className="center admin-loading">
              <Spinner size={28} />
            </div>
          )
        ) : people.length === 0 ? (
          <Empty>{t('admin.people.empty')}</Empty>
        ) : (
          <PeopleTable
            people={people}
            pendingView={query.status === 'pending'}
            onChanged={(id, next) =>
              setPeople((list) =>
                // Approved or rejected sign-ups leave the "waiting for approval" list.
                next && !(query.status === 'pending' && next.approved)
                  ? (list ?? []).map((p) => (p.id === id ? next : p))
                  : (list ?? []).filter((p) => p.id !== id),
              )
            }
          />
        )}
        {more && (
          <div className="admin-more">
            <Button variant="secondary" onClick={loadMore} busy={loadingMore}>
              {t('admin.load_more')}
            </Button>
          </div>
        )}
      </section>
    </>
  )
}

function Filters({ params, onChange }: { params: URLSearchParams; onChange: (patch: Record<string, string>) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [q, setQ] = useState(params.get('q') ?? '')
  const [email, setEmail] = useState(params.get('email') ?? params.get('email_domain') ?? '')
  const [ip, setIp] = useState(params.get('ip') ?? '')
  const status = params.get('status') ?? ''

  const search = (e: FormEvent) => {
    e.preventDefault()
    const mail = email.trim()
    onChange({
      q: q.trim(),
      // "someone@example.org" finds one address; "example.org" or "@example.org" the whole domain.
      email: mail.includes('@') && !mail.startsWith('@') ? mail : '',
      email_domain: mail.includes('@') && !mail.startsWith('@') ? '' : mail.replace(/^@/, ''),
      ip: ip.trim(),
    })
  }

  return (
    <div className="people-filters">
      <fieldset className="people-status plain-fieldset">
        <legend className="visually-hidden">{t('admin.people.status_filter')}</legend>
        {STATUSES.map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className="chip"
            aria-pressed={status === s}
            onClick={() => onChange({ status: s })}
          >
            {t(`admin.people.statuses.${s || 'all'}`)}
          </button>
        ))}
      </fieldset>
      <form className="people-search" onSubmit={search}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-q`}>
            {t('admin.people.search_name')}
          </label>
          <div className="admin-search">
            <SearchIcon size={18} />
            <input id={`${id}-q`} className="input" value={q} onChange={(e) => setQ(e.target.value)} dir="auto" />
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-email`}>
            {t('admin.people.search_email')}
          </label>
          <input
            id={`${id}-email`}
            className="input"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="example.org"
            dir="ltr"
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-ip`}>
            {t('admin.people.search_ip')}
          </label>
          <input
            id={`${id}-ip`}
            className="input"
            value={ip}
            onChange={(e) => setIp(e.target.value)}
            placeholder="203.0.113.7"
            dir="ltr"
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-role`}>
            {t('admin.people.role')}
          </label>
          <select
            id={`${id}-role`}
            className="select"
            value={params.get('role') ?? ''}
            onChange={(e) => onChange({ role: e.target.value })}
          >
            {ROLES.map((r) => (
              <option key={r || 'any'} value={r}>
                {t(`admin.people.roles.${r || 'any'}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" icon={<SearchIcon size={18} />}>
          {t('admin.people.search')}
        </Button>
      </form>
    </div>
  )
}

function PeopleTable({
  people,
  pendingView,
  onChanged,
}: {
  people: AdminAccount[]
  pendingView: boolean
  onChanged: (id: string, next: AdminAccount | null) => void
}) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<unknown>(null)
  const run = async (action: () => Promise<AdminAccount | null>, id: string) => {
    setFailure(null)
    try {
      onChanged(id, await action())
    } catch (err) {
      setFailure(err)
    }
  }
  return (
    <div className="admin-table-wrap">
      {failure !== null && <Alert tone="error">{describeError(t, failure)}</Alert>}
      <table className="admin-table people-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.people.col_person')}</th>
            <th scope="col">{t('admin.people.col_status')}</th>
            <th scope="col">{t('admin.people.col_email')}</th>
            <th scope="col">{t('admin.people.col_ip')}</th>
            <th scope="col">{t('admin.people.col_joined')}</th>
            {pendingView && <th scope="col">{t('admin.people.col_decide')}</th>}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td className="people-cell-person">
                <PersonLink account={p} />
                {pendingView && p.invite_request && (
                  <p className="people-reason" dir="auto">
                    <span className="visually-hidden">{t('admin.people.reason')}: </span>“{p.invite_request}”
                  </p>
                )}
              </td>
              <td data-label={t('admin.people.col_status')}>
                <span className="admin-badges">
                  <RoleBadge account={p} />
                  <AccountBadges account={p} />
                </span>
              </td>
              <td data-label={t('admin.people.col_email')}>
                <span className="people-email" dir="ltr">
                  {p.email}
                </span>
              </td>
              <td data-label={t('admin.people.col_ip')}>
                {p.ip ? <code dir="ltr">{p.ip}</code> : <span className="muted">—</span>}
              </td>
              <td data-label={t('admin.people.col_joined')}>
                <When iso={p.created_at} />
              </td>
              {pendingView && (
                <td className="cell-actions">
                  {!p.approved && (
                    <span className="button-row">
                      <Button size="sm" onClick={() => run(() => approvePerson(p.id), p.id)}>
                        {t('admin.people.approve')}
                      </Button>
                      <ConfirmButton
                        question={t('admin.people.reject_question')}
                        confirmLabel={t('admin.people.reject')}
                        onConfirm={() =>
                          run(async () => {
                            await rejectPerson(p.id)
                            return null
                          }, p.id)
                        }
                      >
                        {t('admin.people.reject')}
                      </ConfirmButton>
                    </span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
