import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteStatus, type KithVisibility, setStatusVisibility } from '../../api/statuses.ts'
import { Button } from '../../components/Button.tsx'
import { Dialog } from '../../components/Dialog.tsx'
import { Menu, type MenuAction } from '../../components/Menu.tsx'
import { BookmarkIcon, DotsIcon, EditIcon, PinIcon, TrashIcon } from '../../components/post-icons.tsx'
import { showToast } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError } from '../../lib/errors.ts'
import { AudienceDialog } from '../compose/AudienceDialog.tsx'
import { AudienceIcon } from '../compose/audience.tsx'
import { ReportDialog, ReportIcon } from '../report/index.ts'
import { usePostList } from './post-list.tsx'
import type { InnerStatus } from './post-model.ts'
import type { usePostActions } from './use-post-actions.ts'

type Props = {
  post: InnerStatus
  actions: ReturnType<typeof usePostActions>
  onEdit: () => void
  /** Comments have a shorter menu: edit and delete. */
  kind?: 'post' | 'comment'
  /** Called after the post is deleted, e.g. to leave its page. */
  onDeleted?: () => void
}

/** "…": edit, audience, pin and delete for your own posts; bookmark and report for other people's. */
export function PostMenu({ post, actions, onEdit, kind = 'post', onDeleted }: Props) {
  const { t } = useTranslation()
  const { user } = useSession()
  const list = usePostList()
  const [dialog, setDialog] = useState<'delete' | 'audience' | 'report' | null>(null)
  if (!user) return null
  const mine = post.account.id === user.id
  const noun = kind === 'comment' ? 'comment' : 'post'

  // NOTE: an edit sends the poll again with its time left, which would reopen an ended poll; so a post
  // whose poll has ended is not offered for editing.
  const editable = !post.poll?.expired
  const items: MenuAction[] = mine
    ? [
        ...(editable
          ? [{ key: 'edit', label: t(`post.menu.edit_${noun}`), icon: <EditIcon size={18} />, onSelect: onEdit }]
          : []),
        ...(kind === 'post'
          ? [
              {
                key: 'audience',
                label: t('post.menu.audience'),
                icon: <AudienceIcon visibility={post.kith.visibility} size={18} />,
                onSelect: () => setDialog('audience'),
              },
              ...(post.kith.visibility !== 'direct'
                ? [
                    {
                      key: 'pin',
                      label: post.pinned ? t('post.menu.unpin') : t('post.menu.pin'),
                      icon: <PinIcon size={18} />,
                      onSelect: actions.togglePin,
                    },
                  ]
                : []),
            ]
          : []),
        {
          key: 'delete',
          label: t(`post.menu.delete_${noun}`),
          icon: <TrashIcon size={18} />,
          tone: 'danger' as const,
          onSelect: () => setDialog('delete'),
        },
      ]
    : [
        ...(kind === 'post'
          ? [
              {
                key: 'bookmark',
                label: post.bookmarked ? t('post.menu.unbookmark') : t('post.menu.bookmark'),
                icon: <BookmarkIcon size={18} />,
                onSelect: actions.toggleBookmark,
              },
            ]
          : []),
        {
          key: 'report',
          label: t(`report.menu_${noun}`),
          icon: <ReportIcon size={18} />,
          tone: 'danger' as const,
          onSelect: () => setDialog('report'),
        },
      ]

  const changeAudience = async (v: KithVisibility) => {
    if (v === post.kith.visibility) return setDialog(null)
    try {
      const next = await setStatusVisibility(post.id, v)
      list.patch(post.id, () => ({
        visibility: next.visibility,
        kith: { ...post.kith, visibility: next.kith.visibility },
      }))
      setDialog(null)
      showToast(t('post.menu.audience_changed', { audience: t(`compose.audience.${next.kith.visibility}`) }))
    } catch (error) {
      showToast(describeError(t, error), 'error')
    }
  }

  return (
    <>
      <Menu
        label={kind === 'comment' ? t('post.menu.comment_label') : t('post.menu.label')}
        icon={<DotsIcon size={kind === 'comment' ? 18 : 20} />}
        items={items}
        triggerClassName={kind === 'comment' ? 'icon-button icon-button-sm comment-menu' : 'icon-button post-menu'}
      />
      {!mine && (
        <ReportDialog
          open={dialog === 'report'}
          onClose={() => setDialog(null)}
          target={{ kind: noun, account: post.account, status: post }}
        />
      )}
      {mine && (
        <>
          <DeleteDialog
            open={dialog === 'delete'}
            noun={noun}
            onClose={() => setDialog(null)}
            onConfirm={async () => {
              await deleteStatus(post.id)
              setDialog(null)
              list.removeWhere((s) => s.id === post.id || s.reblog?.id === post.id)
              showToast(t(`post.menu.deleted_${noun}`))
              onDeleted?.()
            }}
          />
          {kind === 'post' && (
            <AudienceDialog
              open={dialog === 'audience'}
              value={post.kith.visibility}
              title={t('post.menu.audience_title')}
              confirmLabel={t('common.save')}
              onClose={() => setDialog(null)}
              onChoose={changeAudience}
            />
          )}
        </>
      )}
    </>
  )
}

function DeleteDialog({
  open,
  noun,
  onClose,
  onConfirm,
}: {
  open: boolean
  noun: 'post' | 'comment'
  onClose: () => void
  onConfirm: () => Promise<void>
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t(`post.delete.title_${noun}`)}
      closeLabel={t('post.close')}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" onClick={confirm} busy={busy}>
            {t('post.delete.confirm')}
          </Button>
        </>
      }
    >
      <p>{t(`post.delete.body_${noun}`)}</p>
      {error !== null && (
        <p className="field-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
    </Dialog>
  )
}
