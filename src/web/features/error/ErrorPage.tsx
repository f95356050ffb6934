import { useTranslation } from 'react-i18next'
import { useRouteError } from 'react-router'

/** Shown when a page crashes while rendering; outside the layout, which may be what broke. */
export function ErrorPage() {
  const { t } = useTranslation()
  const error = useRouteError()
  console.error(error)
  return (
    <main className="startup">
      <div className="card startup-card">
        <h1>{t('error_page.title')}</h1>
        <p className="muted">{t('error_page.body')}</p>
        <a className="btn btn-primary" href="/">
          {t('error_page.reload')}
        </a>
      </div>
    </main>
  )
}
