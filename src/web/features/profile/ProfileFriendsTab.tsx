import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ApiError } from '../../api/client.ts'
import { listFriends } from '../../api/friends.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { describeError } from '../../lib/errors.ts'
import { nameOf } from './account-model.ts'
import { FriendButton } from './FriendButton.tsx'
import { FriendsIcon, LockIcon, SearchIcon } from './graph-icons.tsx'
import { PersonCard } from './PersonCard.tsx'
import { useProfile } from './profile-context.ts'
import { onGraphChange, useRelationships } from './relationships-store.ts'
import { useDebounced } from './use-debounced.ts'
import { usePagedList } from './use-paged-list.ts'

/** The person's friends, searchable by name; "Mutual friends" narrows to the ones you share. */
export function ProfileFriendsTab() {
  const { t, i18n } = useTranslation()
  const { account, isOwn, viewerId } = useProfile()
  const [params, setParams] = useSearchParams()
  const mutualOnly = params.get('mutual') === '1' && !!viewerId && !isOwn
  const [query, setQuery] = useState(params.get('q') ?? '')
  const q = useDebounced(query.trim(), 250)
  const searchId = useId()

  const list = usePagedList(
    (maxId) => listFriends({ account_id: account.id, q: q || undefined, max_id: maxId }),
    [account.id, q],
  )
  const { reload } = list
  // On your own list, an unfriend elsewhere on the page takes the person out.
  useEffect(() => (isOwn ? onGraphChange(() => reload()) : undefined), [isOwn, reload])

  const ids = viewerId ? list.items.map((f) => f.account.id).filter((id) => id !== viewerId) : null
  const rels = useRelationships(ids)
  const shown = mutualOnly ? list.items.filter((f) => rels.get(f.account.id)?.friends) : list.items
  const hidden = list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 401)
  const number = new Intl.NumberFormat(i18n.language)

  const setFilter = (mutual: boolean) => {
    const next = new URLSearchParams(params)
    if (mutual) next.set('mutual', '1')
    else next.delete('mutual')
    setParams(next, { replace: true })
  }

  return (
    <section className="card profile-section" aria-labelledby="friends-heading">
      <div className="profile-section-head">
        <h2 id="friends-heading">{t('profile.tabs.friends')}</h2>
        {!hidden && (
          <div className="search-box">
            <label htmlFor={searchId} className="visually-hidden">
              {t('profile.search_friends')}
            </label>
            <SearchIcon size={18} />
            <input
              id={searchId}
              type="search"
              className="input"
              placeholder={t('profile.search_friends')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              dir="auto"
            />
          </div>
        )}
      </div>

      {viewerId && !isOwn && !hidden && (
        <fieldset className="chip-tabs">
          <legend className="visually-hidden">{t('profile.friends_filter')}</legend>
          <button type="button" className="chip-tab" aria-pressed={!mutualOnly} onClick={() => setFilter(false)}>
            {t('profile.all_friends')}
          </button>
          <button type="button" className="chip-tab" aria-pressed={mutualOnly} onClick={() => setFilter(true)}>
            {t('profile.mutual_filter')}
          </button>
        </fieldset>
      )}

      {hidden ? (
        <div className="empty-inline">
          <LockIcon size={28} />
          <p>{t('profile.friends_hidden', { name: nameOf(account) })}</p>
        </div>
      ) : list.status === 'error' ? (
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
      ) : list.status === 'loading' ? (
        <div className="center" role="status">
          <Spinner />
          <span className="visually-hidden">{t('common.loading')}</span>
        </div>
      ) : shown.length === 0 ? (
        <div className="empty-inline">
          <FriendsIcon size={28} />
          <p>
            {q
              ? t('profile.no_friends_match', { q })
              : mutualOnly
                ? t('profile.no_mutual_friends')
                : isOwn
                  ? t('profile.no_friends_own')
                  : t('profile.no_friends', { name: nameOf(account) })}
          </p>
        </div>
      ) : (
        <ul className="person-cards">
          {shown.map((f) => (
            <PersonCard
              key={f.account.id}
              account={f.account}
              size={72}
              meta={
                f.account.id !== viewerId && viewerId && f.mutual_friends_count > 0 ? (
                  <span>
                    {t('profile.mutual_friends', {
                      count: f.mutual_friends_count,
                      formatted: number.format(f.mutual_friends_count),
                    })}
                  </span>
                ) : undefined
              }
              actions={
                viewerId && f.account.id !== viewerId ? (
                  <FriendButton account={f.account} rel={rels.get(f.account.id)} />
                ) : undefined
              }
            />
          ))}
        </ul>
      )}
      {list.hasMore && list.status === 'ready' && (
        <Button variant="secondary" block busy={list.loadingMore} onClick={list.loadMore}>
          {t('profile.load_more')}
        </Button>
      )}
    </section>
  )
}
