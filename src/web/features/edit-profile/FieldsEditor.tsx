import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button.tsx'
import { CloseIcon } from '../profile/graph-icons.tsx'

export type FieldDraft = { name: string; value: string }

const MAX_FIELDS = 4

/** Up to four label/value pairs ("Hobbies: birdwatching"), shown on the profile. */
export function FieldsEditor({
  fields,
  onChange,
  error,
}: {
  fields: FieldDraft[]
  onChange: (fields: FieldDraft[]) => void
  error?: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const edit = (i: number, change: Partial<FieldDraft>) =>
    onChange(fields.map((f, j) => (j === i ? { ...f, ...change } : f)))

  return (
    <fieldset className="fields-editor" aria-describedby={`${id}-hint`}>
      <legend className="field-label">{t('edit_profile.fields')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('edit_profile.fields_hint', { count: MAX_FIELDS })}
      </p>
      {fields.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their order is their identity
        <div key={i} className="fields-row">
          <div className="field">
            <label className="visually-hidden" htmlFor={`${id}-name-${i}`}>
              {t('edit_profile.field_label_n', { n: i + 1 })}
            </label>
            <input
              id={`${id}-name-${i}`}
              className="input"
              value={f.name}
              maxLength={255}
              placeholder={t('edit_profile.field_label_placeholder')}
              onChange={(e) => edit(i, { name: e.target.value })}
              dir="auto"
            />
          </div>
          <div className="field">
            <label className="visually-hidden" htmlFor={`${id}-value-${i}`}>
              {t('edit_profile.field_value_n', { n: i + 1 })}
            </label>
            <input
              id={`${id}-value-${i}`}
              className="input"
              value={f.value}
              maxLength={255}
              placeholder={t('edit_profile.field_value_placeholder')}
              onChange={(e) => edit(i, { value: e.target.value })}
              dir="auto"
            />
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={t('edit_profile.remove_field_n', { n: i + 1 })}
            title={t('edit_profile.remove_field')}
            onClick={() => onChange(fields.filter((_, j) => j !== i))}
          >
            <CloseIcon size={18} />
          </button>
        </div>
      ))}
      {error && <p className="field-error">{error}</p>}
      {fields.length < MAX_FIELDS && (
        <Button variant="ghost" size="sm" onClick={() => onChange([...fields, { name: '', value: '' }])}>
          {t('edit_profile.add_field')}
        </Button>
      )}
    </fieldset>
  )
}
