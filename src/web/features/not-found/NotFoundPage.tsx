import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from '../../lib/use-document-title.ts'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('not_found.title'))
  return (
    <div className="auth-page">
      <section className="card auth-card status-card">
        <p className="status-code" aria-hidden="true">
          404
        </p>
        <h1>{t('not_found.title')}</h1>
        <p className="muted">{t('not_found.body')}</p>
        <Link className="btn btn-primary" to="/">
          {t('not_found.home')}
        </Link>
      </section>
    </div>
  )
}
