import { useTranslation } from 'react-i18next'
import { useSite } from '../context/site.tsx'

export function Footer() {
  const { t } = useTranslation()
  const { site } = useSite()
  return (
    <footer className="footer">
      <p>
        <span>{site.name}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('footer.powered_by')}</span>
      </p>
    </footer>
  )
}
