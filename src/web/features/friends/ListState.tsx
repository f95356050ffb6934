import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { describeError } from '../../lib/errors.ts'
import type { PagedList } from '../profile/use-paged-list.ts'

/** Loading, failed, empty or the list itself, plus "Show more" when another page exists. */
export function ListState<T>({
  list,
  empty,
  children,
}: {
  list: Pick<PagedList<T>, 'status' | 'error' | 'items' | 'reload' | 'hasMore' | 'loadingMore' | 'loadMore'>
  empty: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation()
  if (list.status === 'loading') {
    return (
      <div className="center" role="status">
        <Spinner />
        <span className="visually-hidden">{t('common.loading')}</span>
      </div>
    )
  }
  if (list.status === 'error') {
    return (
      <Alert
        tone="error"
        actions={
          <Button variant="secondary" size="sm" onClick={list.reload}>
            {t('common.try_again')}
          </Button>
        }
      >
        {describeError(t, list.error)}
      </Alert>
    )
  }
  if (list.items.length === 0) return empty
  return (
    <>
      {children}
      {list.hasMore && (
        <Button variant="secondary" block busy={list.loadingMore} onClick={list.loadMore}>
          {t('friends.show_more')}
        </Button>
      )}
    </>
  )
}
