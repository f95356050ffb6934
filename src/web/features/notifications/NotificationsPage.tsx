import './notifications.css'
import { useCallback, useEffect, useReducer, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import {
  clearNotifications,
  dismissNotificationGroup,
  fetchNotificationsMarker,
  listNotificationGroups,
} from '../../api/notifications.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { ConfirmButton } from '../../components/ConfirmButton.tsx'
import { SettingsIcon } from '../../components/icons.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { showToast, Toaster } from '../../components/Toaster.tsx'
import { useStreamEvents } from '../../context/streaming.tsx'
import { describeError } from '../../lib/errors.ts'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { NotificationRow } from './NotificationRow.tsx'
import { BellIcon } from './notification-icons.tsx'
import {
  appendOlder,
  FILTERS,
  type FilterName,
  fromGrouped,
  fromNotification,
  matchesFilter,
  maxId,
  mergeNewer,
  type NotificationItem,
  newerId,
} from './notification-model.ts'
import { useNotifications, useViewingNotifications } from './notifications-store.tsx'

const PAGE = 20

type State = {
  items: NotificationItem[]
  first: 'loading' | 'ready' | 'error'
  more: 'idle' | 'loading' | 'error' | 'end'
  next: string | null
  error: unknown
}
type Action =
  | { type: 'reset' }
  | { type: 'first'; items: NotificationItem[]; next: string | null }
  | { type: 'failed'; error: unknown; which: 'first' | 'more' }
  | { type: 'more-loading' }
  | { type: 'more'; items: NotificationItem[]; next: string | null }
  | { type: 'newer'; items: NotificationItem[] }
  | { type: 'remove'; key: string | null }

const initial: State = { items: [], first: 'loading', more: 'idle', next: null, error: null }

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'reset':
      return initial
    case 'first':
      return {
        ...initial,
        first: 'ready',
        items: action.items,
        next: action.next,
        // A short page is the last one (`limit` counts groups).
        more: action.next && action.items.length >= PAGE ? 'idle' : 'end',
      }
    case 'failed':
      return action.which === 'first'
        ? { ...state, first: 'error', error: action.error }
        : { ...state, more: 'error', error: action.error }
    case 'more-loading':
      return { ...state, more: 'loading' }
    case 'more': {
      const end = !action.next || action.items.length < PAGE
      return { ...state, items: appendOlder(state.items, action.items), next: action.next, more: end ? 'end' : 'idle' }
    }
    case 'newer':
      return { ...state, items: mergeNewer(state.items, action.items) }
    case 'remove':
      return { ...state, items: action.key === null ? [] : state.items.filter((i) => i.key !== action.key) }
  }
}

const filterNames = Object.keys(FILTERS) as FilterName[]

/** `/notifications`: everything, in groups, with filters, paging, dismiss and clear; live. */
export function NotificationsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('notifications.title'))
  const [params, setParams] = useSearchParams()
  const asked = params.get('filter') as FilterName | null
  const filter: FilterName = asked && filterNames.includes(asked) ? asked : 'all'
  const store = useNotifications()
  const [state, dispatch] = useReducer(reduce, initial)
  const [round, retry] = useReducer((n: number) => n + 1, 0)
  // The marker as it was before this visit: what is newer is shown as new.
  const [seenBefore, setSeenBefore] = useState<string | null | undefined>(undefined)

  useEffect(() => {
    let live = true
    fetchNotificationsMarker().then(
      (m) => live && setSeenBefore(m),
      () => live && setSeenBefore(null),
    )
    return () => {
      live = false
    }
  }, [])
  useViewingNotifications(seenBefore !== undefined)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the retry trigger
  useEffect(() => {
    const controller = new AbortController()
    dispatch({ type: 'reset' })
    listNotificationGroups({ limit: PAGE, types: FILTERS[filter] }, controller.signal).then(
      (page) => dispatch({ type: 'first', items: fromGrouped(page.body), next: page.maxId }),
      (error) => !controller.signal.aborted && dispatch({ type: 'failed', error, which: 'first' }),
    )
    return () => controller.abort()
  }, [filter, round])

  const loadMore = async () => {
    if (!state.next) return
    dispatch({ type: 'more-loading' })
    try {
      const page = await listNotificationGroups({ limit: PAGE, max_id: state.next, types: FILTERS[filter] })
      dispatch({ type: 'more', items: fromGrouped(page.body), next: page.maxId })
    } catch (error) {
      dispatch({ type: 'failed', error, which: 'more' })
    }
  }

  const newest = maxId(state.items.map((i) => i.latestId))
  const catchUp = useCallback(async () => {
    if (!newest) {
      retry()
      return
    }
    try {
      const page = await listNotificationGroups({ since_id: newest, types: FILTERS[filter] })
      dispatch({ type: 'newer', items: fromGrouped(page.body) })
    } catch {
      // The next resync tries again.
    }
  }, [newest, filter])

  useStreamEvents((event) => {
    if (state.first !== 'ready') return
    if (event.type === 'notification' && matchesFilter(event.notification.kith.type, filter)) {
      dispatch({ type: 'newer', items: [fromNotification(event.notification)] })
    } else if (event.type === 'resync') {
      void catchUp()
    }
  })

  const dismiss = async (item: NotificationItem) => {
    try {
      await dismissNotificationGroup(item.key)
      dispatch({ type: 'remove', key: item.key })
      store.forget(item.key)
      showToast(t('notifications.dismissed'))
    } catch (error) {
      showToast(describeError(t, error), 'error')
    }
  }

  const clearAll = async () => {
    try {
      await clearNotifications()
      dispatch({ type: 'remove', key: null })
      store.forget(null)
      showToast(t('notifications.cleared'))
    } catch (error) {
      showToast(describeError(t, error), 'error')
    }
  }

  const isNew = (item: NotificationItem) =>
    seenBefore !== undefined && (seenBefore === null || newerId(item.latestId, seenBefore))

  return (
    <div className="notif-page">
      <Toaster />
      <div className="notif-page-head">
        <h1 className="page-title">{t('notifications.title')}</h1>
        <Link to="/settings/notifications" className="btn btn-ghost btn-sm">
          <SettingsIcon size={18} />
          {t('notifications.settings_link')}
        </Link>
      </div>
      <section className="card notif-card" aria-labelledby="notif-list-label">
        <h2 id="notif-list-label" className="visually-hidden">
          {t(`notifications.filter.${filter}`)}
        </h2>
        <div className="notif-toolbar">
          <nav className="notif-filters" aria-label={t('notifications.filters_label')}>
            {filterNames.map((name) => (
              <Link
                key={name}
                to={name === 'all' ? '/notifications' : `/notifications?filter=${name}`}
                className="notif-filter"
                aria-current={filter === name ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault()
                  setParams(name === 'all' ? {} : { filter: name }, { replace: true })
                }}
              >
                {t(`notifications.filter.${name}`)}
              </Link>
            ))}
          </nav>
          {state.items.length > 0 && filter === 'all' && (
            <ConfirmButton
              question={t('notifications.clear_question')}
              confirmLabel={t('notifications.clear_confirm')}
              onConfirm={clearAll}
            >
              {t('notifications.clear_all')}
            </ConfirmButton>
          )}
        </div>

        {state.first === 'loading' && (
          <div className="center notif-loading" role="status">
            <Spinner />
            <span className="visually-hidden">{t('notifications.loading')}</span>
          </div>
        )}
        {state.first === 'error' && (
          <Alert
            tone="error"
            title={t('notifications.load_failed')}
            actions={
              <Button variant="secondary" size="sm" onClick={retry}>
                {t('common.try_again')}
              </Button>
            }
          >
            {describeError(t, state.error)}
          </Alert>
        )}
        {state.first === 'ready' && state.items.length === 0 && (
          <div className="notif-empty">
            <span className="empty-state-icon">
              <BellIcon size={28} />
            </span>
            <p className="notif-empty-title">{t('notifications.empty')}</p>
            <p className="muted">{t('notifications.empty_body')}</p>
          </div>
        )}
        {state.items.length > 0 && (
          <ul className="notif-list">
            {state.items.map((item) => (
              <NotificationRow key={item.key} item={item} fresh={isNew(item)} onDismiss={() => dismiss(item)} />
            ))}
          </ul>
        )}
        {state.more === 'error' && (
          <Alert tone="error" title={t('notifications.more_failed')}>
            {describeError(t, state.error)}
          </Alert>
        )}
        {state.first === 'ready' && (state.more === 'idle' || state.more === 'loading' || state.more === 'error') && (
          <div className="notif-more">
            <Button variant="secondary" block busy={state.more === 'loading'} onClick={loadMore}>
              {t('notifications.older')}
            </Button>
          </div>
        )}
      </section>
    </div>
  )
}
