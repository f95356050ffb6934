import { useTranslation } from 'react-i18next'
import type { AdminSettings } from '../../../api/admin.ts'
import { Field } from '../../../components/Field.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { type SavedHandler, toInt, useCardForm } from './use-card-form.ts'

const FIELDS = [
  { key: 'post_max_chars', min: 100, max: 100_000 },
  { key: 'media_max_attachments', min: 0, max: 10 },
  { key: 'media_max_image_mb', min: 1, max: 100 },
  { key: 'media_description_limit', min: 0, max: 10_000 },
] as const
type Key = (typeof FIELDS)[number]['key']

export function LimitsCard({ settings, onSaved }: { settings: AdminSettings; onSaved: SavedHandler }) {
  const { t } = useTranslation()
  const form = useCardForm(
    Object.fromEntries(FIELDS.map((f) => [f.key, String(settings[f.key])])) as Record<Key, string>,
    (d) => Object.fromEntries(FIELDS.map((f) => [f.key, toInt(d[f.key])])),
    onSaved,
  )
  return (
    <SettingsCard
      id="settings-limits"
      title={t('admin.settings.limits.title')}
      intro={t('admin.settings.limits.intro')}
      onSubmit={form.submit}
      busy={form.busy}
      dirty={form.dirty}
      saved={form.saved}
      error={form.error}
      hasFieldErrors={Object.keys(form.errors).length > 0}
    >
      <div className="admin-grid-2">
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            label={t(`admin.settings.limits.${f.key}`)}
            hint={t('admin.settings.limits.range', { min: f.min, max: f.max })}
            type="number"
            inputMode="numeric"
            min={f.min}
            max={f.max}
            value={form.draft[f.key]}
            onChange={(e) => form.set(f.key, e.target.value)}
            error={form.errors[f.key]}
          />
        ))}
      </div>
    </SettingsCard>
  )
}
