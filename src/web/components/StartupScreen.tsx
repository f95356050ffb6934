import { useTranslation } from 'react-i18next'
import { Button } from './Button.tsx'
import { Spinner } from './Spinner.tsx'

/** Shown before the site and session are known: a quiet spinner, or a retry when the server is unreachable. */
export function StartupScreen({ failed, onRetry }: { failed: boolean; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <main className="startup" aria-busy={!failed}>
      {failed ? (
        <div className="card startup-card">
          <h1>{t('startup.failed_title')}</h1>
          <p className="muted">{t('startup.failed_body')}</p>
          <Button onClick={onRetry}>{t('common.try_again')}</Button>
        </div>
      ) : (
        <>
          <h1 className="visually-hidden">{t('startup.loading')}</h1>
          <Spinner size={32} />
        </>
      )}
    </main>
  )
}
