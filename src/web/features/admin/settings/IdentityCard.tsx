import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AdminSettings } from '../../../api/admin.ts'
import { Field } from '../../../components/Field.tsx'
import { bundledLocales } from '../../../i18n/setup.ts'
import { SettingsCard } from './SettingsCard.tsx'
import { type SavedHandler, useCardForm } from './use-card-form.ts'

export function IdentityCard({ settings, onSaved }: { settings: AdminSettings; onSaved: SavedHandler }) {
  const { t } = useTranslation()
  const localeId = useId()
  const themeId = useId()
  const form = useCardForm(
    {
      name: settings.name,
      description: settings.description,
      default_locale: settings.default_locale,
      default_theme: settings.default_theme,
    },
    (d) => d,
    onSaved,
  )
  const { draft, set, errors } = form
  return (
    <SettingsCard
      id="settings-identity"
      title={t('admin.settings.identity.title')}
      intro={t('admin.settings.identity.intro')}
      onSubmit={form.submit}
      busy={form.busy}
      dirty={form.dirty}
      saved={form.saved}
      error={form.error}
      hasFieldErrors={Object.keys(errors).length > 0}
    >
      <Field
        label={t('admin.settings.identity.name')}
        value={draft.name}
        maxLength={60}
        required
        onChange={(e) => set('name', e.target.value)}
        error={errors.name}
        dir="auto"
      />
      <Field
        multiline
        label={t('admin.settings.identity.description')}
        hint={t('admin.settings.identity.description_hint')}
        value={draft.description}
        maxLength={500}
        rows={2}
        onChange={(e) => set('description', e.target.value)}
        error={errors.description}
        dir="auto"
      />
      <div className="admin-grid-2">
        <div className="field">
          <label className="field-label" htmlFor={localeId}>
            {t('admin.settings.identity.default_locale')}
          </label>
          <select
            id={localeId}
            className="select"
            value={draft.default_locale}
            onChange={(e) => set('default_locale', e.target.value)}
            aria-describedby={`${localeId}-hint`}
          >
            {bundledLocales.map((l) => (
              <option key={l} value={l}>
                {t(`language_names.${l}`)}
              </option>
            ))}
          </select>
          <p className="field-hint" id={`${localeId}-hint`}>
            {t('admin.settings.identity.default_locale_hint')}
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={themeId}>
            {t('admin.settings.identity.default_theme')}
          </label>
          <select
            id={themeId}
            className="select"
            value={draft.default_theme}
            onChange={(e) => set('default_theme', e.target.value as typeof draft.default_theme)}
            aria-describedby={`${themeId}-hint`}
          >
            {(['system', 'light', 'dark'] as const).map((theme) => (
              <option key={theme} value={theme}>
                {t(`theme.${theme}`)}
              </option>
            ))}
          </select>
          <p className="field-hint" id={`${themeId}-hint`}>
            {t('admin.settings.identity.default_theme_hint')}
          </p>
        </div>
      </div>
    </SettingsCard>
  )
}
