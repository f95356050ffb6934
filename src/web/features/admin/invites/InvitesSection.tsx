import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createInvite, type Invite, listAllInvites, revokeInvite } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmButton } from '../../../components/ConfirmButton.tsx'
import { CopyButton } from '../../../components/CopyButton.tsx'
import { describeError, fieldErrorsFrom } from '../../../lib/errors.ts'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { PlusIcon } from '../admin-icons.tsx'
import { Empty, Loaded, SectionHead, When } from '../admin-ui.tsx'

const USES = ['1', '5', '10', '25', '100', ''] as const
const EXPIRY = ['1', '7', '30', '90', ''] as const

export function InvitesSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.invites.title'))
  const invites = useLoad(listAllInvites)
  const [created, setCreated] = useState<Invite | null>(null)
  return (
    <>
      <SectionHead title={t('admin.invites.title')} intro={t('admin.invites.intro')} />
      <CreateInvite
        onCreated={(invite) => {
          setCreated(invite)
          invites.reload()
        }}
      />
      {created && (
        <Alert tone="success" title={t('admin.invites.created')}>
          <div className="code-box invite-new">
            <code dir="ltr">{created.url}</code>
            <CopyButton text={created.url} label={t('admin.invites.copy')} />
          </div>
        </Alert>
      )}
      <section className="card admin-card" aria-labelledby="invites-list">
        <h2 id="invites-list">{t('admin.invites.list')}</h2>
        <Loaded load={invites}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('admin.invites.empty')}</Empty>
            ) : (
              <InviteTable invites={list} onChanged={invites.reload} />
            )
          }
        </Loaded>
      </section>
    </>
  )
}

function CreateInvite({ onCreated }: { onCreated: (invite: Invite) => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [uses, setUses] = useState<string>('1')
  const [days, setDays] = useState<string>('7')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onCreated(
        await createInvite({ max_uses: uses ? Number(uses) : null, expires_in_days: days ? Number(days) : null }),
      )
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const errors = fieldErrorsFrom(error, ['max_uses', 'expires_in_days'])
  return (
    <section className="card admin-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.invites.new')}</h2>
      <form className="admin-inline-form" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-uses`}>
            {t('admin.invites.max_uses')}
          </label>
          <select id={`${id}-uses`} className="select" value={uses} onChange={(e) => setUses(e.target.value)}>
            {USES.map((u) => (
              <option key={u || 'any'} value={u}>
                {u ? t('admin.invites.uses_n', { count: Number(u) }) : t('admin.invites.unlimited')}
              </option>
            ))}
          </select>
          {errors.max_uses && <p className="field-error">{errors.max_uses}</p>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-days`}>
            {t('admin.invites.expires')}
          </label>
          <select id={`${id}-days`} className="select" value={days} onChange={(e) => setDays(e.target.value)}>
            {EXPIRY.map((d) => (
              <option key={d || 'never'} value={d}>
                {d ? t('admin.invites.after_days', { count: Number(d) }) : t('admin.invites.never')}
              </option>
            ))}
          </select>
          {errors.expires_in_days && <p className="field-error">{errors.expires_in_days}</p>}
        </div>
        <Button type="submit" busy={busy} icon={<PlusIcon size={16} />}>
          {t('admin.invites.create')}
        </Button>
      </form>
      {error !== null && Object.keys(errors).length === 0 && <Alert tone="error">{describeError(t, error)}</Alert>}
    </section>
  )
}

function InviteTable({ invites, onChanged }: { invites: Invite[]; onChanged: () => void }) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<unknown>(null)
  return (
    <div className="admin-table-wrap">
      {failure !== null && <Alert tone="error">{describeError(t, failure)}</Alert>}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.invites.link')}</th>
            <th scope="col" className="num">
              {t('admin.invites.uses')}
            </th>
            <th scope="col">{t('admin.invites.expires')}</th>
            <th scope="col">{t('admin.invites.created_at')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.filters.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((i) => (
            <tr key={i.id} className={i.expired ? 'invite-expired' : undefined}>
              <td>
                <span className="invite-code">
                  <code dir="ltr">{i.code}</code>
                  {i.expired && <span className="badge badge-muted">{t('admin.invites.expired')}</span>}
                </span>
              </td>
              <td data-label={t('admin.invites.uses')} className="num">
                {i.max_uses === null
                  ? t('admin.invites.uses_of_any', { uses: i.uses })
                  : t('admin.invites.uses_of', { uses: i.uses, max: i.max_uses })}
              </td>
              <td data-label={t('admin.invites.expires')}>
                {i.expires_at ? <When iso={i.expires_at} /> : <span className="muted">{t('admin.invites.never')}</span>}
              </td>
              <td data-label={t('admin.invites.created_at')}>
                <When iso={i.created_at} />
              </td>
              <td className="cell-actions">
                {!i.expired && (
                  <span className="button-row">
                    <CopyButton text={i.url} label={t('admin.invites.copy')} />
                    <ConfirmButton
                      question={t('admin.invites.revoke_question')}
                      confirmLabel={t('admin.invites.revoke')}
                      onConfirm={async () => {
                        setFailure(null)
                        try {
                          await revokeInvite(i.id)
                          onChanged()
                        } catch (err) {
                          setFailure(err)
                        }
                      }}
                    >
                      {t('admin.invites.revoke')}
                    </ConfirmButton>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
