import { useTranslation } from 'react-i18next'
import { useTheme } from '../context/theme.tsx'
import { MoonIcon, SunIcon } from './icons.tsx'

export function ThemeToggle({ withText = false }: { withText?: boolean }) {
  const { t } = useTranslation()
  const { theme, toggle } = useTheme()
  const label = theme === 'dark' ? t('theme.switch_to_light') : t('theme.switch_to_dark')
  return (
    <button
      type="button"
      className={withText ? 'btn btn-ghost theme-toggle' : 'icon-button theme-toggle'}
      onClick={toggle}
      aria-label={withText ? undefined : label}
      title={label}
    >
      {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      {withText && <span>{label}</span>}
    </button>
  )
}
