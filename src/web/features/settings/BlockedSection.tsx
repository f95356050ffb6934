import '../profile/people.css'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../api/accounts.ts'
import { listBlocks } from '../../api/accounts.ts'
import { Button } from '../../components/Button.tsx'
import { Toaster } from '../../components/Toaster.tsx'
import { ListState } from '../friends/ListState.tsx'
import { BlockIcon } from '../profile/graph-icons.tsx'
import { PersonCard } from '../profile/PersonCard.tsx'
import { useRelationships } from '../profile/relationships-store.ts'
import { useGraphCommands } from '../profile/use-graph-commands.ts'
import { usePagedList } from '../profile/use-paged-list.ts'

/** Settings → Blocked: everyone you blocked, each with Unblock. */
export function BlockedSection() {
  const { t } = useTranslation()
  const list = usePagedList((maxId) => listBlocks({ max_id: maxId }), [])
  const rels = useRelationships(list.status === 'ready' ? list.items.map((a) => a.id) : null)

  return (
    <section className="card settings-card" aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">{t('graph_settings.blocked_heading')}</h2>
      <p className="muted">{t('graph_settings.blocked_lead')}</p>
      <ListState
        list={list}
        empty={
          <div className="empty-inline">
            <BlockIcon size={28} />
            <p>{t('graph_settings.no_blocks')}</p>
          </div>
        }
      >
        <ul className="person-rows">
          {list.items.map((a) => (
            <BlockedRow key={a.id} account={a} blocking={rels.get(a.id)?.blocking ?? true} />
          ))}
        </ul>
      </ListState>
      <Toaster />
    </section>
  )
}

function BlockedRow({ account, blocking }: { account: Account; blocking: boolean }) {
  const { t } = useTranslation()
  const commands = useGraphCommands(account)
  return (
    <PersonCard
      account={account}
      size={48}
      meta={blocking ? undefined : <span className="person-card-outcome">{t('graph_settings.unblocked')}</span>}
      actions={
        blocking ? (
          <Button variant="secondary" size="sm" busy={commands.busy === 'unblock'} onClick={commands.unblock}>
            {t('relationship.unblock')}
          </Button>
        ) : (
          <Button variant="ghost" size="sm" busy={commands.busy === 'block'} onClick={commands.block}>
            {t('graph_settings.block_again')}
          </Button>
        )
      }
    />
  )
}
