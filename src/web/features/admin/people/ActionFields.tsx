// The fields every moderation decision shares: the reason sent to the person, the rules broken,
// a duration for suspensions and whether to email them.
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Rule } from '../../../api/admin.ts'

export type ActionDraft = { text: string; ruleIds: string[]; days: string; notify: boolean }
export const emptyDraft: ActionDraft = { text: '', ruleIds: [], days: '', notify: true }

export const DURATIONS = ['', '1', '3', '7', '30', '90', '365'] as const

export function ActionFields({
  draft,
  onChange,
  rules,
  withDuration,
  reasonError,
}: {
  draft: ActionDraft
  onChange: (next: ActionDraft) => void
  rules: Rule[]
  withDuration: boolean
  reasonError?: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const set = (patch: Partial<ActionDraft>) => onChange({ ...draft, ...patch })
  return (
    <>
      {withDuration && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-days`}>
            {t('admin.action.duration')}
          </label>
          <select
            id={`${id}-days`}
            className="select"
            value={draft.days}
            onChange={(e) => set({ days: e.target.value })}
          >
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {d ? t('admin.action.days', { count: Number(d) }) : t('admin.action.forever')}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label className="field-label" htmlFor={`${id}-text`}>
          {t('admin.action.reason')}
        </label>
        <textarea
          id={`${id}-text`}
          className="input"
          rows={3}
          maxLength={5000}
          value={draft.text}
          onChange={(e) => set({ text: e.target.value })}
          aria-describedby={`${id}-text-hint`}
          aria-invalid={reasonError ? true : undefined}
          dir="auto"
        />
        {reasonError && <p className="field-error">{reasonError}</p>}
        <p className="field-hint" id={`${id}-text-hint`}>
          {t('admin.action.reason_hint')}
        </p>
      </div>
      {rules.length > 0 && (
        <fieldset className="admin-fieldset">
          <legend className="field-label">{t('admin.action.rules')}</legend>
          <div className="admin-checks">
            {rules.map((r) => (
              <label key={r.id} className="check">
                <input
                  type="checkbox"
                  checked={draft.ruleIds.includes(r.id)}
                  onChange={(e) =>
                    set({
                      ruleIds: e.target.checked ? [...draft.ruleIds, r.id] : draft.ruleIds.filter((x) => x !== r.id),
                    })
                  }
                />
                <span dir="auto">{r.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <label className="check">
        <input type="checkbox" checked={draft.notify} onChange={(e) => set({ notify: e.target.checked })} />
        <span>{t('admin.action.notify')}</span>
      </label>
    </>
  )
}

/** The request fields for a draft. */
export function actionInput(draft: ActionDraft, withDuration: boolean) {
  return {
    text: draft.text.trim() || undefined,
    rule_ids: draft.ruleIds,
    duration_days: withDuration && draft.days ? Number(draft.days) : undefined,
    send_email_notification: draft.notify,
  }
}
