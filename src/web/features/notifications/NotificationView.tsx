import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReactionKind } from '#shared/mastodon-statuses.ts'
import { AlertIcon, UserPlusIcon } from '../../components/icons.tsx'
import { CommentIcon, EditIcon, PollIcon, QuoteIcon, RepeatIcon } from '../../components/post-icons.tsx'
import { ReactionIcon } from '../../components/ReactionIcon.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { useSession } from '../../context/session.tsx'
import { displayName } from '../post/post-model.ts'
import { AccountAvatar } from '../profile/AccountAvatar.tsx'
import { FriendsIcon } from '../profile/graph-icons.tsx'
import { plainText } from '../report/plain-text.ts'
import { kindKey, type NotificationItem } from './notification-model.ts'

const GROUPED = new Set(['reaction', 'reblog', 'follow'])
const KNOWN = new Set([
  'mention',
  'comment',
  'reply',
  'reaction',
  'reblog',
  'quote',
  'follow',
  'follow_request',
  'friend_request',
  'friend_accepted',
  'poll',
  'update',
  'moderation_warning',
])
const NAME = '\u0000name\u0000'

/** "<b>Ana</b> and 12 others reacted to your post": the sentence, with the first name in bold. */
export function useNotificationText(item: NotificationItem): { node: ReactNode; plain: string } {
  const { t, i18n } = useTranslation()
  const { user } = useSession()
  const who = item.accounts[0]
  const name = who ? displayName(who) : ''
  let key = kindKey(item.kind)
  if (!KNOWN.has(key)) key = 'other'
  if (key === 'poll' && who?.id === user?.id) key = 'poll_own'
  if (key === 'reaction' && item.status?.in_reply_to_id) key = 'reaction_comment'
  const others = item.count - 1
  const grouped = others > 0 && GROUPED.has(kindKey(item.kind))
  const vars = grouped
    ? {
        others: t('notifications.others', {
          count: others,
          formatted: new Intl.NumberFormat(i18n.language).format(others),
        }),
      }
    : {}
  const template: string = t(grouped ? `notifications.group.${key}` : `notifications.text.${key}`, {
    ...vars,
    name: NAME,
  })
  const [before, ...after] = template.split(NAME)
  const node = after.length ? (
    <>
      {before}
      <strong dir="auto">{name}</strong>
      {after.join(name)}
    </>
  ) : (
    before
  )
  return { node, plain: [before, ...after].join(name) }
}

function KindBadge({ item }: { item: NotificationItem }) {
  const key = kindKey(item.kind)
  let icon: ReactNode
  let tone = 'brand'
  if (key === 'reaction' && item.reaction) return <ReactionIcon kind={item.reaction as ReactionKind} size={22} />
  if (key === 'comment' || key === 'reply' || key === 'mention') icon = <CommentIcon size={13} />
  else if (key === 'reblog') icon = <RepeatIcon size={13} />
  else if (key === 'quote') icon = <QuoteIcon size={13} />
  else if (key === 'friend_request' || key === 'friend_accepted') icon = <FriendsIcon size={13} />
  else if (key === 'follow' || key === 'follow_request') icon = <UserPlusIcon size={13} />
  else if (key === 'poll') icon = <PollIcon size={13} />
  else if (key === 'update') icon = <EditIcon size={13} />
  else {
    icon = <AlertIcon size={13} />
    tone = 'warning'
  }
  if (key === 'comment' || key === 'reply' || key === 'mention') tone = 'green'
  if (key.startsWith('friend')) tone = 'blue'
  return <span className={`notif-kind notif-kind-${tone}`}>{icon}</span>
}

/** The acting person's picture with a small badge saying what happened. */
export function NotificationAvatar({ item, size = 48 }: { item: NotificationItem; size?: number }) {
  const who = item.accounts[0]
  return (
    <span className="notif-avatar" aria-hidden="true">
      {who ? <AccountAvatar account={who} size={size} /> : <span className="avatar notif-avatar-blank" />}
      <span className="notif-kind-wrap">
        <KindBadge item={item} />
      </span>
    </span>
  )
}

/** Sentence, a line of the post or comment it is about, and when. */
export function NotificationBody({ item }: { item: NotificationItem }) {
  const { node } = useNotificationText(item)
  const snippet = item.status ? plainText(item.status.spoiler_text || item.status.content, 110) : ''
  return (
    <span className="notif-body">
      <span className="notif-text">{node}</span>
      {snippet && (
        <span className="notif-snippet" dir="auto">
          {snippet}
        </span>
      )}
      {item.at && <RelativeTime iso={item.at} className="notif-time" />}
    </span>
  )
}
