// Deciding a report (the action, reason, rules and a note for moderators), and the resolved state.
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { decideReport, type ReportAction, type ReportDetail, reopenReport, reportActions } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { useLocale } from '../../../context/locale.tsx'
import { describeError } from '../../../lib/errors.ts'
import { formatDateTime } from '../../../lib/format.ts'
import { useCan } from '../admin-ui.tsx'
import { useSiteRules } from '../people/AccountActionDialog.tsx'
import { type ActionDraft, ActionFields, actionInput, emptyDraft } from '../people/ActionFields.tsx'

export function DecisionForm({
  detail,
  hasPosts,
  onDecided,
}: {
  detail: ReportDetail
  hasPosts: boolean
  onDecided: (action: ReportAction) => void
}) {
  const { t } = useTranslation()
  const can = useCan()
  const rules = useSiteRules()
  const formId = useId()
  const [action, setAction] = useState<ReportAction | null>(null)
  const [draft, setDraft] = useState<ActionDraft>(emptyDraft)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [missing, setMissing] = useState(false)
  const available = reportActions.filter(
    (a) =>
      (a !== 'delete_account' || can('delete_user_data')) &&
      (hasPosts || (a !== 'remove_content' && a !== 'mark_sensitive')) &&
      (detail.report.target_account || ['dismiss', 'remove_content', 'mark_sensitive'].includes(a)),
  )

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!action) {
      setMissing(true)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await decideReport(detail.report.id, {
        action,
        ...(action === 'dismiss'
          ? { send_email_notification: draft.notify }
          : actionInput(draft, action === 'suspend')),
        note: note.trim() || undefined,
      })
      onDecided(action)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card admin-card" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('admin.report.decide')}</h2>
      <form className="admin-form" onSubmit={submit} noValidate>
        <fieldset className="admin-fieldset">
          <legend className="field-label">{t('admin.report.action')}</legend>
          {missing && !action && (
            <p className="field-error" role="alert">
              {t('admin.report.action_required')}
            </p>
          )}
          <div className="admin-radios decision-options">
            {available.map((a) => (
              <label
                key={a}
                className={`admin-radio${['suspend', 'delete_account'].includes(a) ? ' radio-danger' : ''}`}
              >
                <input type="radio" name={`${formId}-action`} checked={action === a} onChange={() => setAction(a)} />
                <span>
                  <span className="admin-radio-title">{t(`admin.report.actions.${a}`)}</span>
                  <span className="admin-radio-hint">{t(`admin.report.action_hints.${a}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {action && action !== 'dismiss' && (
          <ActionFields draft={draft} onChange={setDraft} rules={rules} withDuration={action === 'suspend'} />
        )}
        {action === 'dismiss' && (
          <label className="check">
            <input
              type="checkbox"
              checked={draft.notify}
              onChange={(e) => setDraft({ ...draft, notify: e.target.checked })}
            />
            <span>{t('admin.report.tell_reporters')}</span>
          </label>
        )}
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-note`}>
            {t('admin.report.note')}
          </label>
          <textarea
            id={`${formId}-note`}
            className="input"
            rows={2}
            maxLength={5000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={`${formId}-note-hint`}
            dir="auto"
          />
          <p className="field-hint" id={`${formId}-note-hint`}>
            {t('admin.report.note_hint')}
          </p>
        </div>
        {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
        <Button
          type="submit"
          block
          busy={busy}
          variant={action === 'suspend' || action === 'delete_account' ? 'danger' : 'primary'}
        >
          {action ? t(`admin.report.submit.${action}`) : t('admin.report.submit_any')}
        </Button>
      </form>
    </section>
  )
}

export function Resolution({ detail, onReopened }: { detail: ReportDetail; onReopened: () => void }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const r = detail.report
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const reopen = async () => {
    setBusy(true)
    setError(null)
    try {
      await reopenReport(r.id)
      onReopened()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="card admin-card" aria-labelledby="resolution-title">
      <h2 id="resolution-title">{t('admin.report.resolved_title')}</h2>
      <p>
        {t(`admin.report.resolved_${r.resolution ?? 'actioned'}`, {
          username: r.action_taken_by_account?.username ?? '?',
          when: formatDateTime(r.action_taken_at, locale),
        })}
      </p>
      {detail.resolution_note && (
        <blockquote className="admin-quote" dir="auto">
          {detail.resolution_note}
        </blockquote>
      )}
      {error !== null && <Alert tone="error">{describeError(t, error)}</Alert>}
      <Button variant="secondary" onClick={reopen} busy={busy}>
        {t('admin.report.reopen')}
      </Button>
    </section>
  )
}
