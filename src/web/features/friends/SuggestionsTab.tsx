import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { dismissFriendSuggestion, type FriendSuggestion, listFriendSuggestions } from '../../api/friends.ts'
import { Button } from '../../components/Button.tsx'
import { showToast } from '../../components/Toaster.tsx'
import { describeError } from '../../lib/errors.ts'
import { useLoad } from '../../lib/use-load.ts'
import { AccountAvatar } from '../profile/AccountAvatar.tsx'
import { nameOf, profilePathOf } from '../profile/account-model.ts'
import { FriendButton } from '../profile/FriendButton.tsx'
import { SparkIcon } from '../profile/graph-icons.tsx'
import { useRelationships } from '../profile/relationships-store.ts'
import { ListState } from './ListState.tsx'

/** "People you may know": friends of friends, most mutual friends first. */
export function SuggestionsTab() {
  const { t } = useTranslation()
  const load = useLoad(() => listFriendSuggestions(24), [])
  const [dismissed, setDismissed] = useState<Set<string>>(new Set())
  const items = (load.data ?? []).filter((s) => !dismissed.has(s.account.id))
  const rels = useRelationships(load.data ? load.data.map((s) => s.account.id) : null)

  const dismiss = async (s: FriendSuggestion) => {
    setDismissed((d) => new Set(d).add(s.account.id))
    try {
      await dismissFriendSuggestion(s.account.id)
      showToast(t('friends.suggestion_removed', { name: nameOf(s.account) }))
    } catch (err) {
      setDismissed((d) => {
        const next = new Set(d)
        next.delete(s.account.id)
        return next
      })
      showToast(describeError(t, err), 'error')
    }
  }

  const list = {
    status: load.loading && !load.data ? ('loading' as const) : load.error ? ('error' as const) : ('ready' as const),
    error: load.error,
    items,
    reload: load.reload,
    hasMore: false,
    loadingMore: false,
    loadMore: () => {},
  }

  return (
    <section className="card friends-section" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t('friends.suggestions_heading')}</h2>
      <p className="muted small">{t('friends.suggestions_lead')}</p>
      <ListState
        list={list}
        empty={
          <div className="empty-inline">
            <SparkIcon size={28} />
            <p>{t('friends.no_suggestions')}</p>
          </div>
        }
      >
        <ul className="suggestion-grid">
          {items.map((s) => (
            <SuggestionCard key={s.account.id} suggestion={s} onDismiss={() => dismiss(s)}>
              <FriendButton account={s.account} rel={rels.get(s.account.id)} primary />
            </SuggestionCard>
          ))}
        </ul>
      </ListState>
    </section>
  )
}

function SuggestionCard({
  suggestion,
  onDismiss,
  children,
}: {
  suggestion: FriendSuggestion
  onDismiss: () => void
  children: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const { account, mutual_friends: faces, mutual_friends_count: count } = suggestion
  const path = profilePathOf(account)
  return (
    <li className="suggestion">
      <Link to={path} className="suggestion-picture" tabIndex={-1} aria-hidden="true">
        <AccountAvatar account={account} size={160} />
      </Link>
      <div className="suggestion-body">
        <Link to={path} className="person-card-name">
          <bdi>{nameOf(account)}</bdi>
        </Link>
        {count > 0 && (
          <span className="suggestion-mutual">
            <span className="face-stack" aria-hidden="true">
              {faces.slice(0, 3).map((a) => (
                <AccountAvatar key={a.id} account={a} size={20} />
              ))}
            </span>
            <span>
              {t('profile.mutual_friends', { count, formatted: new Intl.NumberFormat(i18n.language).format(count) })}
            </span>
          </span>
        )}
      </div>
      <div className="suggestion-actions">
        {children}
        <Button
          variant="secondary"
          size="sm"
          onClick={onDismiss}
          aria-label={t('friends.remove_suggestion', { name: nameOf(account) })}
        >
          {t('friends.remove')}
        </Button>
      </div>
    </li>
  )
}
