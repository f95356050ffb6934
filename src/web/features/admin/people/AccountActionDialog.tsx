import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AccountAction, type AdminAccount, actOnPerson } from '../../../api/admin.ts'
import { listSiteRules, type Rule } from '../../../api/reports.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { describeError } from '../../../lib/errors.ts'
import { Modal } from '../../report/Modal.tsx'
import { type ActionDraft, ActionFields, actionInput, emptyDraft } from './ActionFields.tsx'

/** Actions that take a reason and rules; the "un-" actions just lift a measure. */
const WITH_REASON = new Set<AccountAction>(['warn', 'limit', 'suspend', 'disable', 'sensitive', 'delete_account'])
const DANGER = new Set<AccountAction>(['suspend', 'disable', 'delete_account'])

/** The site rules, read once per dialog (moderators may not manage rules, but they can read them). */
export function useSiteRules(): Rule[] {
  const [rules, setRules] = useState<Rule[]>([])
  useEffect(() => {
    let live = true
    listSiteRules().then(
      (r) => live && setRules(r),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return rules
}

export function AccountActionDialog({
  account,
  action,
  onClose,
  onDone,
}: {
  account: AdminAccount
  action: AccountAction | null
  onClose: () => void
  onDone: (result: { deleted?: boolean; account?: AdminAccount }) => void
}) {
  const { t } = useTranslation()
  const rules = useSiteRules()
  const [draft, setDraft] = useState<ActionDraft>(emptyDraft)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const name = account.account.display_name || account.username

  // A fresh form each time the dialog opens.
  useEffect(() => {
    if (action) {
      setDraft(emptyDraft)
      setError(null)
    }
  }, [action])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!action) return
    setBusy(true)
    setError(null)
    try {
      const result = await actOnPerson(
        account.id,
        action,
        WITH_REASON.has(action) ? actionInput(draft, action === 'suspend') : { send_email_notification: draft.notify },
      )
      onDone({ deleted: !!result.deleted, account: result.account })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={action !== null}
      onClose={onClose}
      title={action ? t(`admin.action.title.${action}`, { name }) : ''}
      closeLabel={t('admin.close')}
      onSubmit={submit}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant={action && DANGER.has(action) ? 'danger' : 'primary'} busy={busy}>
            {action ? t(`admin.action.confirm.${action}`) : ''}
          </Button>
        </>
      }
    >
      {action && (
        <>
          <p className="muted">{t(`admin.action.explain.${action}`)}</p>
          {WITH_REASON.has(action) ? (
            <ActionFields draft={draft} onChange={setDraft} rules={rules} withDuration={action === 'suspend'} />
          ) : (
            <label className="check">
              <input
                type="checkbox"
                checked={draft.notify}
                onChange={(e) => setDraft({ ...draft, notify: e.target.checked })}
              />
              <span>{t('admin.action.notify')}</span>
            </label>
          )}
          {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
        </>
      )}
    </Modal>
  )
}
