import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AdminRule, createRule, deleteRule, listRules, updateRule } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmButton } from '../../../components/ConfirmButton.tsx'
import { Field } from '../../../components/Field.tsx'
import { describeError, fieldErrorsFrom } from '../../../lib/errors.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { ArrowDownIcon, ArrowUpIcon, PencilIcon, PlusIcon } from '../admin-icons.tsx'
import { Empty, Loaded } from '../admin-ui.tsx'
import { SettingsCard } from './SettingsCard.tsx'

/** The site rules: shown at sign-up, picked by reporters and cited by moderators. */
export function RulesCard() {
  const { t } = useTranslation()
  const rules = useLoad(listRules)
  const [failure, setFailure] = useState<unknown>(null)
  const [announce, setAnnounce] = useState('')

  const act = async (action: () => Promise<unknown>, message?: string) => {
    setFailure(null)
    try {
      await action()
      rules.reload()
      if (message) setAnnounce(message)
    } catch (err) {
      setFailure(err)
    }
  }

  return (
    <SettingsCard id="settings-rules" title={t('admin.settings.rules.title')} intro={t('admin.settings.rules.intro')}>
      {failure !== null && <Alert tone="error">{describeError(t, failure)}</Alert>}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      <Loaded load={rules}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('admin.settings.rules.empty')}</Empty>
          ) : (
            <ol className="rules-list">
              {list.map((rule, i) => (
                <RuleItem
                  key={rule.id}
                  rule={rule}
                  index={i}
                  count={list.length}
                  onMove={(to) =>
                    act(() => updateRule(rule.id, { position: to }), t('admin.settings.rules.moved', { n: to + 1 }))
                  }
                  onDelete={() => act(() => deleteRule(rule.id), t('admin.settings.rules.deleted'))}
                  onSaved={() => rules.reload()}
                />
              ))}
            </ol>
          )
        }
      </Loaded>
      <AddRule onAdded={() => rules.reload()} />
    </SettingsCard>
  )
}

function RuleItem({
  rule,
  index,
  count,
  onMove,
  onDelete,
  onSaved,
}: {
  rule: AdminRule
  index: number
  count: number
  onMove: (to: number) => Promise<void>
  onDelete: () => Promise<void>
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  if (editing) {
    return (
      <li className="rule-item rule-editing">
        <RuleForm
          initial={rule}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            await updateRule(rule.id, input)
            setEditing(false)
            onSaved()
          }}
        />
      </li>
    )
  }
  return (
    <li className="rule-item">
      <span className="rule-number" aria-hidden="true">
        {index + 1}
      </span>
      <div className="rule-text">
        <p dir="auto">{rule.text}</p>
        {rule.hint && (
          <p className="muted small" dir="auto">
            {rule.hint}
          </p>
        )}
      </div>
      <div className="rule-actions">
        <button
          type="button"
          className="icon-button admin-icon-sm"
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
          aria-label={t('admin.settings.rules.move_up', { n: index + 1 })}
          title={t('admin.settings.rules.move_up', { n: index + 1 })}
        >
          <ArrowUpIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button admin-icon-sm"
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
          aria-label={t('admin.settings.rules.move_down', { n: index + 1 })}
          title={t('admin.settings.rules.move_down', { n: index + 1 })}
        >
          <ArrowDownIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button admin-icon-sm"
          onClick={() => setEditing(true)}
          aria-label={t('admin.settings.rules.edit', { n: index + 1 })}
          title={t('admin.settings.rules.edit', { n: index + 1 })}
        >
          <PencilIcon size={16} />
        </button>
        <ConfirmButton
          question={t('admin.settings.rules.delete_question')}
          confirmLabel={t('admin.settings.rules.delete')}
          onConfirm={onDelete}
        >
          {t('admin.settings.rules.delete')}
        </ConfirmButton>
      </div>
    </li>
  )
}

function RuleForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { text: string; hint: string }
  submitLabel: string
  onSubmit: (input: { text: string; hint: string }) => Promise<void>
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState(initial?.text ?? '')
  const [hint, setHint] = useState(initial?.hint ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!text.trim()) {
      setError(new Error('blank'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await onSubmit({ text: text.trim(), hint: hint.trim() })
      if (!initial) {
        setText('')
        setHint('')
      }
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const errors = fieldErrorsFrom(error, ['text', 'hint'])
  const blank = error instanceof Error && error.message === 'blank'
  return (
    <form className="rule-form" onSubmit={submit} noValidate>
      <Field
        label={t('admin.settings.rules.text')}
        value={text}
        maxLength={300}
        onChange={(e) => setText(e.target.value)}
        error={blank ? t('admin.settings.rules.text_required') : errors.text}
        dir="auto"
        autoFocus={!!initial}
      />
      <Field
        multiline
        label={t('admin.settings.rules.hint')}
        hint={t('admin.settings.rules.hint_hint')}
        value={hint}
        maxLength={1000}
        rows={2}
        onChange={(e) => setHint(e.target.value)}
        error={errors.hint}
        dir="auto"
      />
      {error !== null && !blank && Object.keys(errors).length === 0 && (
        <Alert tone="error">{describeError(t, error)}</Alert>
      )}
      <div className="button-row">
        <Button type="submit" size="sm" busy={busy} icon={initial ? undefined : <PlusIcon size={16} />}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" size="sm" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  )
}

function AddRule({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation()
  return (
    <details className="rule-add">
      <summary>{t('admin.settings.rules.add')}</summary>
      <RuleForm
        submitLabel={t('admin.settings.rules.add_submit')}
        onSubmit={async (input) => {
          await createRule(input)
          onAdded()
        }}
      />
    </details>
  )
}
