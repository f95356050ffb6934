import { useTranslation } from 'react-i18next'
import type { Account } from '../../api/accounts.ts'
import {
  acceptFriendRequest,
  cancelFriendRequest,
  declineFriendRequest,
  sendFriendRequest,
  unfriend,
} from '../../api/friends.ts'
import { block, follow, mute, unblock, unfollow, unmute } from '../../api/relationships.ts'
import { nameOf } from './account-model.ts'
import { useGraphAction } from './use-graph-action.ts'

/** Every change the viewer can make to their tie with one person, each with its own toast. */
export function useGraphCommands(account: Pick<Account, 'id' | 'display_name' | 'username'>) {
  const { t } = useTranslation()
  const { busy, run } = useGraphAction()
  const id = account.id
  const name = nameOf(account)
  const say = (key: string) => t(`relationship.done.${key}`, { name })

  return {
    busy,
    addFriend: () => run('add', id, () => sendFriendRequest(id), say('request_sent')),
    cancelRequest: () => run('cancel', id, () => cancelFriendRequest(id), say('request_cancelled')),
    confirm: () => run('confirm', id, () => acceptFriendRequest(id), say('confirmed')),
    decline: () => run('decline', id, () => declineFriendRequest(id), say('declined')),
    unfriend: () => run('unfriend', id, () => unfriend(id), say('unfriended')),
    follow: () => run('follow', id, () => follow(id), undefined),
    unfollow: () => run('unfollow', id, () => unfollow(id), say('unfollowed')),
    block: () => run('block', id, () => block(id), say('blocked')),
    unblock: () => run('unblock', id, () => unblock(id), say('unblocked')),
    mute: (options: { duration: number; notifications: boolean }) =>
      run('mute', id, () => mute(id, options), say('muted')),
    unmute: () => run('unmute', id, () => unmute(id), say('unmuted')),
  }
}

export type GraphCommands = ReturnType<typeof useGraphCommands>

/** Whether the person's setting lets the viewer ask; `mutualFriends` null means "not known". */
export function acceptsRequestsFrom(
  account: Pick<Account, 'friend_requests_from'>,
  mutualFriends: number | null,
): boolean {
  if (account.friend_requests_from === 'nobody') return false
  if (account.friend_requests_from === 'friends_of_friends') return mutualFriends !== 0
  return true
}
