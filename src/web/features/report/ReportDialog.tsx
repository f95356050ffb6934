import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  fileReport,
  listAccountStatuses,
  listSiteRules,
  type ReportCategory,
  type Rule,
  reportCategories,
  type Status,
} from '../../api/reports.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { CheckCircleIcon } from '../../components/icons.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { useLocale } from '../../context/locale.tsx'
import { describeError, fieldErrorsFrom } from '../../lib/errors.ts'
import { formatDate } from '../../lib/format.ts'
import { Modal } from './Modal.tsx'
import { plainText } from './plain-text.ts'

export type ReportTarget = {
  /** What was reported: a post, a comment (a reply) or the person's profile. */
  kind: 'post' | 'comment' | 'account'
  account: { id: string; username: string; display_name?: string }
  /** The post or comment reported, attached and ticked from the start. */
  status?: Pick<Status, 'id' | 'content' | 'spoiler_text' | 'created_at'>
}

type Props = {
  open: boolean
  onClose: () => void
  target: ReportTarget
}

const COMMENT_MAX = 1000

/** Reports a post, a comment or a person: a category, the rules broken, which posts and a comment. */
export function ReportDialog({ open, onClose, target }: Props) {
  const { t } = useTranslation()
  const [sent, setSent] = useState(false)
  const name = target.account.display_name || target.account.username

  const close = () => {
    onClose()
    setSent(false)
  }

  return (
    <Modal
      open={open}
      onClose={close}
      title={sent ? t('report.sent_title') : t(`report.title_${target.kind}`, { name })}
      closeLabel={t('report.close')}
      size="md"
    >
      {sent ? (
        <ReportSent onDone={close} />
      ) : (
        <ReportForm target={target} onSent={() => setSent(true)} onCancel={close} />
      )}
    </Modal>
  )
}

function ReportSent({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="report-sent">
      <span className="report-sent-icon">
        <CheckCircleIcon size={32} />
      </span>
      <p>{t('report.sent_body')}</p>
      <p className="muted small">{t('report.sent_email')}</p>
      <Button onClick={onDone}>{t('common.done')}</Button>
    </div>
  )
}

function ReportForm({ target, onSent, onCancel }: { target: ReportTarget; onSent: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const { locale } = useLocale()
  const formId = useId()
  const [category, setCategory] = useState<ReportCategory | null>(null)
  const [comment, setComment] = useState('')
  const [rules, setRules] = useState<Rule[]>([])
  const [ruleIds, setRuleIds] = useState<string[]>([])
  const [posts, setPosts] = useState<Pick<Status, 'id' | 'content' | 'spoiler_text' | 'created_at'>[] | null>(null)
  const [statusIds, setStatusIds] = useState<string[]>(target.status ? [target.status.id] : [])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [missingCategory, setMissingCategory] = useState(false)

  useEffect(() => {
    let live = true
    listSiteRules().then(
      (r) => live && setRules(r),
      () => live && setRules([]),
    )
    // The reported post first, then the person's other recent posts to attach if they help.
    const first = target.status ? [target.status] : []
    listAccountStatuses(target.account.id).then(
      (list) => live && setPosts([...first, ...list.filter((s) => s.id !== target.status?.id).slice(0, 8)]),
      () => live && setPosts(first),
    )
    return () => {
      live = false
    }
  }, [target.account.id, target.status])

  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id))

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!category) {
      setMissingCategory(true)
      document.getElementById(`${formId}-cat-${reportCategories[0]}`)?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      await fileReport({
        account_id: target.account.id,
        category,
        comment: comment.trim(),
        status_ids: statusIds,
        rule_ids: ruleIds,
      })
      onSent()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const fieldErrors = fieldErrorsFrom(error, ['comment', 'status_ids', 'category'])

  return (
    <form className="report-form" onSubmit={submit} noValidate>
      <fieldset className="report-fieldset" aria-describedby={missingCategory ? `${formId}-cat-error` : undefined}>
        <legend className="field-label">{t('report.category_legend')}</legend>
        {missingCategory && !category && (
          <p className="field-error" id={`${formId}-cat-error`} role="alert">
            {t('report.category_required')}
          </p>
        )}
        <div className="report-options">
          {reportCategories.map((c) => (
            <label key={c} className={category === c ? 'report-option selected' : 'report-option'}>
              <input
                type="radio"
                name={`${formId}-category`}
                id={`${formId}-cat-${c}`}
                value={c}
                checked={category === c}
                onChange={() => setCategory(c)}
              />
              <span>
                <span className="report-option-title">{t(`report.categories.${c}`)}</span>
                <span className="report-option-hint">{t(`report.category_hints.${c}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {category === 'child_safety' && <Alert tone="warning">{t('report.child_safety_note')}</Alert>}

      {rules.length > 0 && (
        <fieldset className="report-fieldset">
          <legend className="field-label">{t('report.rules_legend')}</legend>
          <div className="report-checks">
            {rules.map((r) => (
              <label key={r.id} className="check report-check">
                <input
                  type="checkbox"
                  checked={ruleIds.includes(r.id)}
                  onChange={(e) => setRuleIds((list) => toggle(list, r.id, e.target.checked))}
                />
                <span dir="auto">{r.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <fieldset className="report-fieldset">
        <legend className="field-label">{t('report.posts_legend')}</legend>
        {posts === null ? (
          <Spinner />
        ) : posts.length === 0 ? (
          <p className="muted small">{t('report.no_posts')}</p>
        ) : (
          <div className="report-checks">
            {posts.map((p) => (
              <label key={p.id} className="check report-check report-post">
                <input
                  type="checkbox"
                  checked={statusIds.includes(p.id)}
                  onChange={(e) => setStatusIds((list) => toggle(list, p.id, e.target.checked))}
                />
                <span className="report-post-body">
                  <span className="report-post-text" dir="auto">
                    {plainText(p.spoiler_text) || plainText(p.content) || t('report.post_without_text')}
                  </span>
                  <span className="muted small">{formatDate(p.created_at, locale)}</span>
                </span>
              </label>
            ))}
          </div>
        )}
        {fieldErrors.status_ids && <p className="field-error">{fieldErrors.status_ids}</p>}
      </fieldset>

      <div className="field">
        <label className="field-label" htmlFor={`${formId}-comment`}>
          {t('report.comment_label')}
        </label>
        <textarea
          id={`${formId}-comment`}
          className="input"
          value={comment}
          maxLength={COMMENT_MAX}
          rows={3}
          onChange={(e) => setComment(e.target.value)}
          aria-describedby={`${formId}-comment-hint`}
        />
        <p className="field-hint" id={`${formId}-comment-hint`}>
          {t('report.comment_hint', { count: COMMENT_MAX - comment.length })}
        </p>
        {fieldErrors.comment && <p className="field-error">{fieldErrors.comment}</p>}
      </div>

      {error !== null && Object.keys(fieldErrors).length === 0 && <Alert tone="error">{describeError(t, error)}</Alert>}

      <div className="kmodal-actions">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="danger" busy={busy}>
          {t('report.submit')}
        </Button>
      </div>
    </form>
  )
}
