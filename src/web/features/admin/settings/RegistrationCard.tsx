import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AdminSettings } from '../../../api/admin.ts'
import { registrationModes } from '../../../api/site.ts'
import { Field } from '../../../components/Field.tsx'
import { SettingsCard } from './SettingsCard.tsx'
import { type SavedHandler, toInt, useCardForm } from './use-card-form.ts'

const INVITERS = ['everyone', 'moderators', 'admins'] as const

export function RegistrationCard({ settings, onSaved }: { settings: AdminSettings; onSaved: SavedHandler }) {
  const { t } = useTranslation()
  const invitersId = useId()
  const form = useCardForm(
    {
      registration_mode: settings.registration_mode,
      approval_prompt: settings.approval_prompt,
      invites_allowed: settings.invites_allowed,
      invite_max_uses_default: settings.invite_max_uses_default?.toString() ?? '',
      invite_expiry_days_default: settings.invite_expiry_days_default?.toString() ?? '',
    },
    (d) => ({
      registration_mode: d.registration_mode,
      approval_prompt: d.approval_prompt,
      invites_allowed: d.invites_allowed,
      invite_max_uses_default: toInt(d.invite_max_uses_default, true),
      invite_expiry_days_default: toInt(d.invite_expiry_days_default, true),
    }),
    onSaved,
  )
  const { draft, set, errors } = form
  return (
    <SettingsCard
      id="settings-registration"
      title={t('admin.settings.registration.title')}
      intro={t('admin.settings.registration.intro')}
      onSubmit={form.submit}
      busy={form.busy}
      dirty={form.dirty}
      saved={form.saved}
      error={form.error}
      hasFieldErrors={Object.keys(errors).length > 0}
    >
      <fieldset className="admin-fieldset">
        <legend className="field-label">{t('admin.settings.registration.mode')}</legend>
        <div className="admin-radios admin-radios-2">
          {registrationModes.map((mode) => (
            <label key={mode} className="admin-radio">
              <input
                type="radio"
                name="registration_mode"
                checked={draft.registration_mode === mode}
                onChange={() => set('registration_mode', mode)}
              />
              <span>
                <span className="admin-radio-title">{t(`registration_modes.${mode}.title`)}</span>
                <span className="admin-radio-hint">{t(`registration_modes.${mode}.help`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {draft.registration_mode === 'approval' && (
        <Field
          multiline
          label={t('admin.settings.registration.approval_prompt')}
          hint={t('admin.settings.registration.approval_prompt_hint')}
          value={draft.approval_prompt}
          maxLength={1000}
          rows={2}
          onChange={(e) => set('approval_prompt', e.target.value)}
          error={errors.approval_prompt}
          dir="auto"
        />
      )}
      <h3 className="form-section-title">{t('admin.settings.registration.invites')}</h3>
      <div className="admin-grid-3">
        <div className="field">
          <label className="field-label" htmlFor={invitersId}>
            {t('admin.settings.registration.invites_allowed')}
          </label>
          <select
            id={invitersId}
            className="select"
            value={draft.invites_allowed}
            onChange={(e) => set('invites_allowed', e.target.value as (typeof INVITERS)[number])}
          >
            {INVITERS.map((who) => (
              <option key={who} value={who}>
                {t(`admin.settings.registration.inviters.${who}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('admin.settings.registration.max_uses')}
          hint={t('admin.settings.registration.blank_unlimited')}
          inputMode="numeric"
          value={draft.invite_max_uses_default}
          onChange={(e) => set('invite_max_uses_default', e.target.value)}
          error={errors.invite_max_uses_default}
        />
        <Field
          label={t('admin.settings.registration.expiry_days')}
          hint={t('admin.settings.registration.blank_never')}
          inputMode="numeric"
          value={draft.invite_expiry_days_default}
          onChange={(e) => set('invite_expiry_days_default', e.target.value)}
          error={errors.invite_expiry_days_default}
        />
      </div>
    </SettingsCard>
  )
}
