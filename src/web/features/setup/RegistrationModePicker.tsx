import { useTranslation } from 'react-i18next'
import { type RegistrationMode, registrationModes } from '../../api/site.ts'

export function RegistrationModePicker({
  value,
  onChange,
}: {
  value: RegistrationMode
  onChange: (mode: RegistrationMode) => void
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="radio-cards">
      <legend className="form-section-title">{t('setup.registration_heading')}</legend>
      <p className="muted small">{t('setup.registration_hint')}</p>
      {registrationModes.map((mode) => (
        <label key={mode} className={value === mode ? 'radio-card checked' : 'radio-card'}>
          <input
            type="radio"
            name="registration_mode"
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
            aria-labelledby={`mode-${mode}-title`}
            aria-describedby={`mode-${mode}-help`}
          />
          <span className="radio-card-text">
            <span className="radio-card-title" id={`mode-${mode}-title`}>
              {t(`registration_modes.${mode}.title`)}
            </span>
            <span className="radio-card-help" id={`mode-${mode}-help`}>
              {t(`registration_modes.${mode}.help`)}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}
