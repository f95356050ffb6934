import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../api/accounts.ts'
import type { Relationship } from '../../api/relationships.ts'
import { Button } from '../../components/Button.tsx'
import { Menu } from '../../components/Menu.tsx'
import { nameOf } from './account-model.ts'
import { ConfirmDialog } from './GraphDialogs.tsx'
import { AddFriendIcon, FriendCheckIcon, FriendMinusIcon } from './graph-icons.tsx'
import { acceptsRequestsFrom, useGraphCommands } from './use-graph-commands.ts'

/**
 * The friendship part of the relationship, small enough for a list: Add friend, Cancel request,
 * Confirm · Delete, or Friends ▾ (Unfriend). Nothing for blocks or people who take no requests.
 */
export function FriendButton({
  account,
  rel,
  primary = false,
}: {
  account: Account
  rel: Relationship | undefined
  /** "Add friend" as the card's main action (suggestions). */
  primary?: boolean
}) {
  const { t } = useTranslation()
  const commands = useGraphCommands(account)
  const [confirming, setConfirming] = useState(false)
  const name = nameOf(account)

  if (!rel) return <span className="btn btn-secondary btn-sm btn-placeholder" aria-hidden="true" />
  if (rel.blocking || rel.blocked_by) return null
  if (rel.friends) {
    return (
      <>
        <Menu
          label={t('relationship.friends')}
          showLabel
          icon={<FriendCheckIcon size={18} />}
          triggerClassName="btn btn-secondary btn-sm btn-caret"
          items={[
            {
              key: 'unfriend',
              label: t('relationship.unfriend'),
              icon: <FriendMinusIcon size={18} />,
              onSelect: () => setConfirming(true),
            },
          ]}
        />
        <ConfirmDialog
          open={confirming}
          title={t('relationship.unfriend_title', { name })}
          confirmLabel={t('relationship.unfriend')}
          onConfirm={commands.unfriend}
          onClose={() => setConfirming(false)}
        >
          <p>{t('relationship.unfriend_lead', { name })}</p>
        </ConfirmDialog>
      </>
    )
  }
  if (rel.friend_request_received) {
    return (
      <div className="button-row">
        <Button size="sm" busy={commands.busy === 'confirm'} onClick={commands.confirm}>
          {t('relationship.confirm')}
        </Button>
        <Button size="sm" variant="secondary" busy={commands.busy === 'decline'} onClick={commands.decline}>
          {t('relationship.delete')}
        </Button>
      </div>
    )
  }
  if (rel.friend_request_sent) {
    return (
      <Button size="sm" variant="secondary" busy={commands.busy === 'cancel'} onClick={commands.cancelRequest}>
        {t('relationship.cancel_request')}
      </Button>
    )
  }
  if (!acceptsRequestsFrom(account, null)) return null
  return (
    <Button
      size="sm"
      variant={primary ? 'primary' : 'secondary'}
      icon={<AddFriendIcon size={18} />}
      busy={commands.busy === 'add'}
      onClick={commands.addFriend}
    >
      {t('relationship.add_friend')}
    </Button>
  )
}
