import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { Account } from '../../api/accounts.ts'
import type { Relationship } from '../../api/relationships.ts'
import { Button } from '../../components/Button.tsx'
import { Menu, type MenuAction } from '../../components/Menu.tsx'
import { signInPath } from '../../lib/return-to.ts'
import { ReportDialog, ReportIcon } from '../report/index.ts'
import { nameOf } from './account-model.ts'
import { ConfirmDialog, MuteDialog } from './GraphDialogs.tsx'
import {
  AddFriendIcon,
  BlockIcon,
  CheckIcon,
  DotsIcon,
  EditIcon,
  FriendCheckIcon,
  FriendClockIcon,
  FriendMinusIcon,
  MuteIcon,
  RssIcon,
  TrashIcon,
} from './graph-icons.tsx'
import { acceptsRequestsFrom, type GraphCommands, useGraphCommands } from './use-graph-commands.ts'

type Props = {
  account: Account
  relationship: Relationship | undefined
  isOwn: boolean
  signedIn: boolean
  /** Mutual friends, when known: decides whether "Add friend" is offered to friends of friends. */
  mutualFriends: number | null
}

type DialogName = 'mute' | 'block' | 'unfriend' | 'report' | null

/**
 * The buttons under a profile's name. They follow the relationship the server reports, so they
 * always show the true state: Add friend / Request sent / Respond / Friends, Follow / Following /
 * Requested, Blocked.
 */
export function ProfileActions({ account, relationship: rel, isOwn, signedIn, mutualFriends }: Props) {
  const { t } = useTranslation()
  const location = useLocation()
  const commands = useGraphCommands(account)
  const [dialog, setDialog] = useState<DialogName>(null)
  const name = nameOf(account)

  if (isOwn) {
    return (
      <div className="profile-actions">
        <Link className="btn btn-secondary" to={`/@${account.username}/edit`}>
          <EditIcon size={18} />
          {t('profile.edit')}
        </Link>
      </div>
    )
  }

  if (!signedIn) {
    return (
      <div className="profile-actions">
        <Link className="btn btn-primary" to={signInPath(location.pathname)}>
          <AddFriendIcon size={18} />
          {t('relationship.sign_in_to_connect')}
        </Link>
      </div>
    )
  }

  if (!rel) {
    return (
      <div className="profile-actions" aria-busy="true">
        <span className="btn btn-secondary btn-placeholder" aria-hidden="true" />
      </div>
    )
  }

  if (rel.blocking) {
    return (
      <div className="profile-actions">
        <span className="relationship-chip relationship-chip-danger">
          <BlockIcon size={16} />
          {t('relationship.blocked')}
        </span>
        <Button variant="secondary" busy={commands.busy === 'unblock'} onClick={commands.unblock}>
          {t('relationship.unblock')}
        </Button>
      </div>
    )
  }

  const dialogs = (
    <>
      <MuteDialog open={dialog === 'mute'} name={name} onMute={commands.mute} onClose={() => setDialog(null)} />
      <ConfirmDialog
        open={dialog === 'block'}
        title={t('relationship.block_title', { name })}
        confirmLabel={t('relationship.block')}
        onConfirm={commands.block}
        onClose={() => setDialog(null)}
      >
        <p>{t('relationship.block_lead', { name })}</p>
        <ul className="graph-dialog-list">
          <li>{t('relationship.block_effects.see')}</li>
          <li>{t('relationship.block_effects.ties')}</li>
          <li>{t('relationship.block_effects.not_told')}</li>
        </ul>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'unfriend'}
        title={t('relationship.unfriend_title', { name })}
        confirmLabel={t('relationship.unfriend')}
        onConfirm={commands.unfriend}
        onClose={() => setDialog(null)}
      >
        <p>{t('relationship.unfriend_lead', { name })}</p>
      </ConfirmDialog>
      <ReportDialog open={dialog === 'report'} onClose={() => setDialog(null)} target={{ kind: 'account', account }} />
    </>
  )

  const muteItem: MenuAction = rel.muting
    ? { key: 'unmute', label: t('relationship.unmute'), icon: <MuteIcon size={18} />, onSelect: commands.unmute }
    : {
        key: 'mute',
        label: t('relationship.mute_ellipsis'),
        icon: <MuteIcon size={18} />,
        onSelect: () => setDialog('mute'),
      }
  const blockItem: MenuAction = {
    key: 'block',
    label: t('relationship.block_ellipsis'),
    icon: <BlockIcon size={18} />,
    onSelect: () => setDialog('block'),
    tone: 'danger',
  }
  const reportItem: MenuAction = {
    key: 'report',
    label: t('report.menu_account', { username: account.username }),
    icon: <ReportIcon size={18} />,
    onSelect: () => setDialog('report'),
    tone: 'danger',
  }

  if (rel.friends) {
    const followItem: MenuAction = rel.following
      ? { key: 'unfollow', label: t('relationship.unfollow'), icon: <RssIcon size={18} />, onSelect: commands.unfollow }
      : { key: 'follow', label: t('relationship.follow'), icon: <RssIcon size={18} />, onSelect: commands.follow }
    return (
      <div className="profile-actions">
        <Menu
          label={t('relationship.friends')}
          showLabel
          icon={<FriendCheckIcon size={18} />}
          triggerClassName="btn btn-secondary btn-caret"
          align="end"
          items={[
            followItem,
            muteItem,
            {
              key: 'unfriend',
              label: t('relationship.unfriend'),
              icon: <FriendMinusIcon size={18} />,
              onSelect: () => setDialog('unfriend'),
            },
            blockItem,
            reportItem,
          ]}
        />
        {rel.muting && <MutedChip />}
        {dialogs}
      </div>
    )
  }

  return (
    <div className="profile-actions">
      <FriendAction account={account} rel={rel} commands={commands} mutualFriends={mutualFriends} />
      <FollowAction rel={rel} commands={commands} primary={!offersFriendship(account, rel, mutualFriends)} />
      <Menu
        label={t('relationship.more', { name })}
        icon={<DotsIcon size={20} />}
        triggerClassName="btn btn-secondary btn-icon"
        align="end"
        items={[muteItem, blockItem, reportItem]}
      />
      {rel.muting && <MutedChip />}
      {dialogs}
    </div>
  )
}

function offersFriendship(account: Account, rel: Relationship, mutual: number | null) {
  return rel.friend_request_received || rel.friend_request_sent || acceptsRequestsFrom(account, mutual)
}

function MutedChip() {
  const { t } = useTranslation()
  return (
    <span className="relationship-chip">
      <MuteIcon size={16} />
      {t('relationship.muted')}
    </span>
  )
}

function FriendAction({
  account,
  rel,
  commands,
  mutualFriends,
}: {
  account: Account
  rel: Relationship
  commands: GraphCommands
  mutualFriends: number | null
}) {
  const { t } = useTranslation()
  if (rel.friend_request_received) {
    return (
      <Menu
        label={t('relationship.respond')}
        showLabel
        icon={<AddFriendIcon size={18} />}
        triggerClassName="btn btn-primary btn-caret"
        align="start"
        items={[
          {
            key: 'confirm',
            label: t('relationship.confirm'),
            icon: <CheckIcon size={18} />,
            onSelect: commands.confirm,
          },
          {
            key: 'decline',
            label: t('relationship.delete_request'),
            icon: <TrashIcon size={18} />,
            onSelect: commands.decline,
          },
        ]}
      />
    )
  }
  if (rel.friend_request_sent) {
    return (
      <Menu
        label={t('relationship.request_sent')}
        showLabel
        icon={<FriendClockIcon size={18} />}
        triggerClassName="btn btn-secondary btn-caret"
        align="start"
        items={[
          {
            key: 'cancel',
            label: t('relationship.cancel_request'),
            icon: <FriendMinusIcon size={18} />,
            onSelect: commands.cancelRequest,
          },
        ]}
      />
    )
  }
  if (!acceptsRequestsFrom(account, mutualFriends)) return <ClosedNote account={account} />
  return (
    <Button icon={<AddFriendIcon size={18} />} busy={commands.busy === 'add'} onClick={commands.addFriend}>
      {t('relationship.add_friend')}
    </Button>
  )
}

function ClosedNote({ account }: { account: Account }) {
  const { t } = useTranslation()
  return (
    <p className="profile-actions-note muted small">
      <Trans
        t={t}
        i18nKey={account.friend_requests_from === 'nobody' ? 'relationship.closed_nobody' : 'relationship.closed_fof'}
        values={{ name: nameOf(account) }}
      />
    </p>
  )
}

function FollowAction({ rel, commands, primary }: { rel: Relationship; commands: GraphCommands; primary: boolean }) {
  const { t } = useTranslation()
  if (rel.following || rel.requested) {
    return (
      <Menu
        label={rel.following ? t('relationship.following') : t('relationship.requested')}
        showLabel
        icon={<RssIcon size={18} />}
        triggerClassName="btn btn-secondary btn-caret"
        align="start"
        items={[
          {
            key: 'unfollow',
            label: rel.following ? t('relationship.unfollow') : t('relationship.cancel_follow_request'),
            icon: <RssIcon size={18} />,
            onSelect: commands.unfollow,
          },
        ]}
      />
    )
  }
  return (
    <Button
      variant={primary ? 'primary' : 'secondary'}
      icon={<RssIcon size={18} />}
      busy={commands.busy === 'follow'}
      onClick={commands.follow}
    >
      {t('relationship.follow')}
    </Button>
  )
}
