import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocale } from '../context/locale.tsx'
import { isBundledLocale } from '../i18n/setup.ts'
import { GlobeIcon } from './icons.tsx'

/** A compact language picker. Language names are written in their own language. */
export function LanguageSwitcher({ showLabel = false }: { showLabel?: boolean }) {
  const { t } = useTranslation()
  const { locale, locales, setLocale } = useLocale()
  const id = useId()
  return (
    <div className="language-switcher">
      <label htmlFor={id} className={showLabel ? 'field-label' : 'visually-hidden'}>
        {t('common.language')}
      </label>
      <div className="select-wrap">
        <GlobeIcon size={16} className="select-icon" />
        <select
          id={id}
          className="select"
          value={locale}
          onChange={(e) => isBundledLocale(e.target.value) && void setLocale(e.target.value)}
        >
          {locales.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`language_names.${code}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  )
}
