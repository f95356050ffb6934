import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { listFriends } from '../../api/friends.ts'
import { useSession } from '../../context/session.tsx'
import { formatDate } from '../../lib/format.ts'
import { FriendButton } from '../profile/FriendButton.tsx'
import { FriendsIcon, SearchIcon } from '../profile/graph-icons.tsx'
import { PersonCard } from '../profile/PersonCard.tsx'
import { onGraphChange, useRelationships } from '../profile/relationships-store.ts'
import { useDebounced } from '../profile/use-debounced.ts'
import { usePagedList } from '../profile/use-paged-list.ts'
import { ListState } from './ListState.tsx'
import { useOwnAccount } from './own-account.ts'

/** Everyone you are friends with, newest friendships first, searchable by name (`?q=`). */
export function AllFriendsTab() {
  const { t, i18n } = useTranslation()
  const { user } = useSession()
  const account = useOwnAccount(user?.id ?? null)
  const [params, setParams] = useSearchParams()
  const [query, setQuery] = useState(params.get('q') ?? '')
  const q = useDebounced(query.trim(), 250)
  const searchId = useId()

  // The search stays in the address, so Back and a shared link keep it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text matters
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) setParams(q ? { q } : {}, { replace: true })
  }, [q])

  const list = usePagedList((maxId) => listFriends({ q: q || undefined, max_id: maxId }), [q])
  const { reload } = list
  useEffect(() => onGraphChange(() => reload()), [reload])
  const rels = useRelationships(list.status === 'ready' ? list.items.map((f) => f.account.id) : null)
  const number = new Intl.NumberFormat(i18n.language)
  const total = account?.friends_count

  return (
    <section className="card friends-section" aria-labelledby="all-heading">
      <div className="profile-section-head">
        <h2 id="all-heading">
          {t('friends.all_heading')}
          {total !== undefined && <span className="heading-count">{number.format(total)}</span>}
        </h2>
        <div className="search-box">
          <label htmlFor={searchId} className="visually-hidden">
            {t('friends.search')}
          </label>
          <SearchIcon size={18} />
          <input
            id={searchId}
            type="search"
            className="input"
            placeholder={t('friends.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            dir="auto"
          />
        </div>
      </div>
      <ListState
        list={list}
        empty={
          <div className="empty-inline">
            <FriendsIcon size={28} />
            <p>{q ? t('profile.no_friends_match', { q }) : t('profile.no_friends_own')}</p>
          </div>
        }
      >
        <ul className="person-cards">
          {list.items.map((f) => (
            <PersonCard
              key={f.account.id}
              account={f.account}
              size={72}
              meta={
                <>
                  {f.mutual_friends_count > 0 && (
                    <span>
                      {t('profile.mutual_friends', {
                        count: f.mutual_friends_count,
                        formatted: number.format(f.mutual_friends_count),
                      })}
                    </span>
                  )}
                  <span>{t('friends.friends_since', { date: formatDate(f.created_at, i18n.language) })}</span>
                </>
              }
              actions={<FriendButton account={f.account} rel={rels.get(f.account.id)} />}
            />
          ))}
        </ul>
      </ListState>
    </section>
  )
}
