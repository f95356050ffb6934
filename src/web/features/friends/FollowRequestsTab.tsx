import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listFollowRequests } from '../../api/accounts.ts'
import { authorizeFollowRequest, rejectFollowRequest } from '../../api/relationships.ts'
import { Button } from '../../components/Button.tsx'
import { RssIcon } from '../profile/graph-icons.tsx'
import { PersonCard } from '../profile/PersonCard.tsx'
import { useGraphAction } from '../profile/use-graph-action.ts'
import { usePagedList } from '../profile/use-paged-list.ts'
import { ListState } from './ListState.tsx'

/** People asking to follow a locked account: Approve or Reject each. */
export function FollowRequestsTab() {
  const { t } = useTranslation()
  const list = usePagedList((maxId) => listFollowRequests({ max_id: maxId }), [])
  const [answered, setAnswered] = useState<Record<string, 'approved' | 'rejected'>>({})
  const { busy, run } = useGraphAction()

  const answer = async (id: string, verdict: 'approved' | 'rejected') => {
    const ok = await run(`${verdict}:${id}`, id, () =>
      verdict === 'approved' ? authorizeFollowRequest(id) : rejectFollowRequest(id),
    )
    if (ok) setAnswered((a) => ({ ...a, [id]: verdict }))
  }

  return (
    <section className="card friends-section" aria-labelledby="follow-requests-heading">
      <h2 id="follow-requests-heading">{t('friends.follow_requests_heading')}</h2>
      <p className="muted small">{t('friends.follow_requests_lead')}</p>
      <ListState
        list={list}
        empty={
          <div className="empty-inline">
            <RssIcon size={28} />
            <p>{t('friends.no_follow_requests')}</p>
          </div>
        }
      >
        <ul className="person-cards">
          {list.items.map((a) => (
            <PersonCard
              key={a.id}
              account={a}
              size={72}
              meta={
                answered[a.id] ? (
                  <span className="person-card-outcome">{t(`friends.follow_${answered[a.id]}`)}</span>
                ) : undefined
              }
              actions={
                answered[a.id] ? undefined : (
                  <div className="button-row">
                    <Button size="sm" busy={busy === `approved:${a.id}`} onClick={() => answer(a.id, 'approved')}>
                      {t('friends.approve')}
                    </Button>
                    <Button
                      size="sm"
                      variant="secondary"
                      busy={busy === `rejected:${a.id}`}
                      onClick={() => answer(a.id, 'rejected')}
                    >
                      {t('friends.reject')}
                    </Button>
                  </div>
                )
              }
            />
          ))}
        </ul>
      </ListState>
    </section>
  )
}
