import '../profile/people.css'
import { useTranslation } from 'react-i18next'
import { type Account, listMutes } from '../../api/accounts.ts'
import { Button } from '../../components/Button.tsx'
import { Toaster } from '../../components/Toaster.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { ListState } from '../friends/ListState.tsx'
import { MuteIcon } from '../profile/graph-icons.tsx'
import { PersonCard } from '../profile/PersonCard.tsx'
import { useRelationships } from '../profile/relationships-store.ts'
import { useGraphCommands } from '../profile/use-graph-commands.ts'
import { usePagedList } from '../profile/use-paged-list.ts'

/** Settings → Muted: whom you muted, until when, and whether their notifications are muted too. */
export function MutedSection() {
  const { t } = useTranslation()
  const list = usePagedList((maxId) => listMutes({ max_id: maxId }), [])
  const rels = useRelationships(list.status === 'ready' ? list.items.map((a) => a.id) : null)

  return (
    <section className="card settings-card" aria-labelledby="muted-heading">
      <h2 id="muted-heading">{t('graph_settings.muted_heading')}</h2>
      <p className="muted">{t('graph_settings.muted_lead')}</p>
      <ListState
        list={list}
        empty={
          <div className="empty-inline">
            <MuteIcon size={28} />
            <p>{t('graph_settings.no_mutes')}</p>
          </div>
        }
      >
        <ul className="person-rows">
          {list.items.map((a) => {
            const rel = rels.get(a.id)
            return (
              <MutedRow
                key={a.id}
                account={a}
                muting={rel?.muting ?? true}
                notifications={rel?.muting_notifications ?? null}
              />
            )
          })}
        </ul>
      </ListState>
      <Toaster />
    </section>
  )
}

function MutedRow({
  account,
  muting,
  notifications,
}: {
  account: Account
  muting: boolean
  notifications: boolean | null
}) {
  const { t, i18n } = useTranslation()
  const commands = useGraphCommands(account)
  const until = account.mute_expires_at
    ? t('graph_settings.muted_until', { date: formatDateTime(account.mute_expires_at, i18n.language) })
    : t('graph_settings.muted_forever')
  return (
    <PersonCard
      account={account}
      size={48}
      meta={
        muting ? (
          <>
            <span>{until}</span>
            {notifications !== null && (
              <span>
                {notifications ? t('graph_settings.notifications_muted') : t('graph_settings.notifications_on')}
              </span>
            )}
          </>
        ) : (
          <span className="person-card-outcome">{t('graph_settings.unmuted')}</span>
        )
      }
      actions={
        muting ? (
          <Button variant="secondary" size="sm" busy={commands.busy === 'unmute'} onClick={commands.unmute}>
            {t('relationship.unmute')}
          </Button>
        ) : undefined
      }
    />
  )
}
