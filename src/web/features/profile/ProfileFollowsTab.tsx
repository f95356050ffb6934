import { useTranslation } from 'react-i18next'
import { listFollowers, listFollowing } from '../../api/accounts.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { describeError } from '../../lib/errors.ts'
import { nameOf } from './account-model.ts'
import { FriendButton } from './FriendButton.tsx'
import { LockIcon, RssIcon } from './graph-icons.tsx'
import { PersonCard } from './PersonCard.tsx'
import { useProfile } from './profile-context.ts'
import { useRelationships } from './relationships-store.ts'
import { usePagedList } from './use-paged-list.ts'

/** Followers or following. A locked account shows these only to its followers (hide_collections). */
export function ProfileFollowsTab({ which }: { which: 'followers' | 'following' }) {
  const { t } = useTranslation()
  const { account, viewerId } = useProfile()
  const list = usePagedList(
    (maxId) => (which === 'followers' ? listFollowers : listFollowing)(account.id, { max_id: maxId }),
    [account.id, which],
  )
  const ids = viewerId ? list.items.map((a) => a.id).filter((id) => id !== viewerId) : null
  const rels = useRelationships(ids)
  const name = nameOf(account)
  const headingId = `${which}-heading`

  return (
    <section className="card profile-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`profile.tabs.${which}`)}</h2>
      {account.hide_collections ? (
        <div className="empty-inline">
          <LockIcon size={28} />
          <p>{t('profile.follows_hidden', { name })}</p>
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
      ) : list.items.length === 0 ? (
        <div className="empty-inline">
          <RssIcon size={28} />
          <p>{t(`profile.no_${which}`, { name })}</p>
        </div>
      ) : (
        <ul className="person-cards">
          {list.items.map((a) => (
            <PersonCard
              key={a.id}
              account={a}
              size={72}
              actions={viewerId && a.id !== viewerId ? <FriendButton account={a} rel={rels.get(a.id)} /> : undefined}
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
