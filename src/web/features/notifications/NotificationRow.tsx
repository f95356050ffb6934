import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { acceptFriendRequest, declineFriendRequest } from '../../api/friends.ts'
import { Button } from '../../components/Button.tsx'
import { CloseIcon } from '../../components/icons.tsx'
import { showToast } from '../../components/Toaster.tsx'
import { describeError } from '../../lib/errors.ts'
import { refreshOwnAccount } from '../friends/own-account.ts'
import { displayName } from '../post/post-model.ts'
import { notifyGraphChange, putRelationships, useRelationship } from '../profile/relationships-store.ts'
import { NotificationAvatar, NotificationBody, useNotificationText } from './NotificationView.tsx'
import { type NotificationItem, targetPath } from './notification-model.ts'

type Props = { item: NotificationItem; fresh: boolean; onDismiss: () => Promise<void> }

/** One entry on /notifications: opens what it is about; a friend request can be answered here. */
export function NotificationRow({ item, fresh, onDismiss }: Props) {
  const { t } = useTranslation()
  const { plain } = useNotificationText(item)
  const [busy, setBusy] = useState(false)
  const to = targetPath(item)
  const content = (
    <>
      <NotificationAvatar item={item} />
      <NotificationBody item={item} />
    </>
  )
  return (
    <li className={fresh ? 'notif-row notif-new' : 'notif-row'}>
      <div className="notif-row-main">
        {to ? (
          <Link to={to} className="notif-row-link">
            {content}
          </Link>
        ) : (
          <div className="notif-row-link">{content}</div>
        )}
        {fresh && (
          <span className="notif-dot">
            <span className="visually-hidden">{t('notifications.new')}</span>
          </span>
        )}
        <button
          type="button"
          className="icon-button icon-button-sm notif-dismiss"
          aria-label={t('notifications.dismiss_label', { text: plain })}
          title={t('notifications.dismiss')}
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            await onDismiss()
            setBusy(false)
          }}
        >
          <CloseIcon size={16} />
        </button>
      </div>
      {item.kind === 'kith:friend_request' && item.accounts[0] && (
        <FriendRequestAnswer accountId={item.accounts[0].id} name={displayName(item.accounts[0])} />
      )}
    </li>
  )
}

function FriendRequestAnswer({ accountId, name }: { accountId: string; name: string }) {
  const { t } = useTranslation()
  const rel = useRelationship(accountId)
  const [busy, setBusy] = useState<'accept' | 'decline' | null>(null)
  const [outcome, setOutcome] = useState<'accepted' | 'declined' | null>(null)

  const answer = async (how: 'accept' | 'decline') => {
    setBusy(how)
    try {
      const next = await (how === 'accept' ? acceptFriendRequest(accountId) : declineFriendRequest(accountId))
      putRelationships([next])
      setOutcome(how === 'accept' ? 'accepted' : 'declined')
      notifyGraphChange(accountId)
      void refreshOwnAccount()
    } catch (error) {
      showToast(describeError(t, error), 'error')
    } finally {
      setBusy(null)
    }
  }

  if (outcome || rel?.friends) {
    return (
      <p className="notif-answer notif-outcome" role="status">
        {outcome === 'declined' ? t('notifications.declined') : t('notifications.accepted', { name })}
      </p>
    )
  }
  if (!rel?.friend_request_received) return null
  return (
    <div className="notif-answer">
      <Button size="sm" busy={busy === 'accept'} disabled={busy !== null} onClick={() => answer('accept')}>
        {t('notifications.accept')}
      </Button>
      <Button
        variant="secondary"
        size="sm"
        busy={busy === 'decline'}
        disabled={busy !== null}
        onClick={() => answer('decline')}
      >
        {t('notifications.decline')}
      </Button>
    </div>
  )
}
