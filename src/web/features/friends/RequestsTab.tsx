import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { type FriendRequest, listFriendRequests } from '../../api/friends.ts'
import type { Relationship } from '../../api/relationships.ts'
import { formatRelative } from '../../lib/format.ts'
import { FriendButton } from '../profile/FriendButton.tsx'
import { InboxIcon } from '../profile/graph-icons.tsx'
import { PersonCard } from '../profile/PersonCard.tsx'
import { useRelationships } from '../profile/relationships-store.ts'
import { usePagedList } from '../profile/use-paged-list.ts'
import { ListState } from './ListState.tsx'

/** Requests to you (Confirm · Delete) and the ones you sent (Cancel). Answered rows stay, saying what happened. */
export function RequestsTab() {
  const { t } = useTranslation()
  const incoming = usePagedList((maxId) => listFriendRequests('incoming', { max_id: maxId }), [])
  const outgoing = usePagedList((maxId) => listFriendRequests('outgoing', { max_id: maxId }), [])
  const rels = useRelationships(
    incoming.status === 'ready' && outgoing.status === 'ready'
      ? [...incoming.items, ...outgoing.items].map((r) => r.account.id)
      : null,
  )

  return (
    <>
      <section className="card friends-section" aria-labelledby="incoming-heading">
        <h2 id="incoming-heading">{t('friends.incoming')}</h2>
        <ListState
          list={incoming}
          empty={
            <div className="empty-inline">
              <InboxIcon size={28} />
              <p>{t('friends.no_incoming')}</p>
              <Link to="/friends/suggestions">{t('friends.find_people')}</Link>
            </div>
          }
        >
          <ul className="person-cards">
            {incoming.items.map((r) => (
              <RequestRow key={r.account.id} request={r} rel={rels.get(r.account.id)} direction="incoming" />
            ))}
          </ul>
        </ListState>
      </section>

      {outgoing.status === 'ready' && outgoing.items.length > 0 && (
        <section className="card friends-section" aria-labelledby="outgoing-heading">
          <h2 id="outgoing-heading">{t('friends.outgoing')}</h2>
          <ListState list={outgoing} empty={null}>
            <ul className="person-cards">
              {outgoing.items.map((r) => (
                <RequestRow key={r.account.id} request={r} rel={rels.get(r.account.id)} direction="outgoing" />
              ))}
            </ul>
          </ListState>
        </section>
      )}
    </>
  )
}

function RequestRow({
  request,
  rel,
  direction,
}: {
  request: FriendRequest
  rel: Relationship | undefined
  direction: 'incoming' | 'outgoing'
}) {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(i18n.language)
  const when = formatRelative(request.created_at, i18n.language)
  // Once answered, the row says what happened instead of vanishing under the pointer.
  const outcome = !rel
    ? null
    : rel.friends
      ? t('friends.now_friends')
      : direction === 'incoming' && !rel.friend_request_received
        ? t('friends.request_removed')
        : direction === 'outgoing' && !rel.friend_request_sent
          ? t('friends.request_cancelled')
          : null
  const mutual =
    request.mutual_friends_count > 0
      ? t('profile.mutual_friends', {
          count: request.mutual_friends_count,
          formatted: number.format(request.mutual_friends_count),
        })
      : null

  return (
    <PersonCard
      account={request.account}
      size={72}
      meta={
        outcome ? (
          <span className="person-card-outcome">{outcome}</span>
        ) : (
          <>
            {mutual && <span>{mutual}</span>}
            <span>{direction === 'incoming' ? t('friends.asked', { when }) : t('friends.sent', { when })}</span>
          </>
        )
      }
      actions={outcome && !rel?.friends ? undefined : <FriendButton account={request.account} rel={rel} />}
    />
  )
}
