import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { listReactions, type ReactionKind } from '../../api/statuses.ts'
import { Alert } from '../../components/Alert.tsx'
import { Avatar } from '../../components/Avatar.tsx'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { ReactionIcon } from '../../components/ReactionIcon.tsx'
import { Spinner } from '../../components/Spinner.tsx'
import { describeError } from '../../lib/errors.ts'
import { useLoad } from '../../lib/use-load.ts'
import { avatarOf, displayName, type InnerStatus, profilePath, reactionTotal } from './post-model.ts'

/** Who reacted, all together or one reaction at a time. */
export function ReactionsDialog({ post, open, onClose }: { post: InnerStatus; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('post.reactions.title')} closeLabel={t('post.close')} size="sm">
      <ReactionsList post={post} />
    </Dialog>
  )
}

function ReactionsList({ post }: { post: InnerStatus }) {
  const { t, i18n } = useTranslation()
  const [kind, setKind] = useState<ReactionKind | null>(null)
  const people = useLoad(() => listReactions(post.id, kind), [post.id, kind])
  const number = new Intl.NumberFormat(i18n.language)
  const tabs: { kind: ReactionKind | null; count: number }[] = [
    { kind: null, count: reactionTotal(post) },
    ...post.kith.reactions.filter((r) => r.count > 0).map((r) => ({ kind: r.name as ReactionKind, count: r.count })),
  ]
  return (
    <div className="reactions-list">
      <div className="reaction-tabs" role="tablist" aria-label={t('post.reactions.filter')}>
        {tabs.map((tab) => (
          <button
            key={tab.kind ?? 'all'}
            type="button"
            role="tab"
            aria-selected={kind === tab.kind}
            className="reaction-tab"
            onClick={() => setKind(tab.kind)}
          >
            {tab.kind ? <ReactionIcon kind={tab.kind} size={18} /> : <span>{t('post.reactions.all')}</span>}
            <span>{number.format(tab.count)}</span>
            {tab.kind && <span className="visually-hidden">{t(`post.reactions.kinds.${tab.kind}`)}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="reaction-people" aria-busy={people.loading}>
        {people.loading && !people.data ? (
          <div className="center">
            <Spinner />
          </div>
        ) : people.error ? (
          <Alert
            tone="error"
            actions={
              <Button variant="secondary" size="sm" onClick={people.reload}>
                {t('common.try_again')}
              </Button>
            }
          >
            {describeError(t, people.error)}
          </Alert>
        ) : (
          <ul>
            {people.data?.items.map(({ account, kind: k }) => (
              <li key={account.id} className="reaction-person">
                <span className="reaction-person-avatar">
                  <Avatar user={avatarOf(account)} size={40} />
                  {(k ?? kind) && (
                    <span className="reaction-person-badge">
                      <ReactionIcon kind={(k ?? kind)!} size={18} label={t(`post.reactions.kinds.${(k ?? kind)!}`)} />
                    </span>
                  )}
                </span>
                <Link to={profilePath(account)} className="reaction-person-name" dir="auto">
                  {displayName(account)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
