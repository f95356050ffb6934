import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog.tsx'
import { Menu, type MenuAction } from '../../components/Menu.tsx'
import { LinkIcon, QuoteIcon, RepeatIcon, ShareIcon } from '../../components/post-icons.tsx'
import { showToast } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { Composer } from '../compose/Composer.tsx'
import { usePostList } from './post-list.tsx'
import { absoluteUrl, isQuotable, isShareable, type Post } from './post-model.ts'
import type { usePostActions } from './use-post-actions.ts'

/** Share now (a reblog), share with your thoughts (a quote, in the composer) or copy the link. */
export function ShareMenu({ post, actions }: { post: Post; actions: ReturnType<typeof usePostActions> }) {
  const { t } = useTranslation()
  const list = usePostList()
  const [quoting, setQuoting] = useState(false)
  const { user } = useSession()
  const shareable = isShareable(post, user?.id)

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(absoluteUrl(post))
      showToast(t('post.share.copied'))
    } catch {
      showToast(t('post.share.copy_failed'), 'error')
    }
  }

  const items: MenuAction[] = [
    ...(shareable
      ? [
          post.reblogged
            ? { key: 'unshare', label: t('post.share.undo'), icon: <RepeatIcon size={18} />, onSelect: actions.unshare }
            : { key: 'share', label: t('post.share.now'), icon: <RepeatIcon size={18} />, onSelect: actions.share },
        ]
      : []),
    ...(isQuotable(post)
      ? [
          {
            key: 'quote',
            label: t('post.share.with_thoughts'),
            icon: <QuoteIcon size={18} />,
            onSelect: () => setQuoting(true),
          },
        ]
      : []),
    { key: 'copy', label: t('post.share.copy_link'), icon: <LinkIcon size={18} />, onSelect: copy },
  ]

  return (
    <>
      <Menu
        label={t('post.share.button')}
        showLabel
        icon={<ShareIcon size={20} />}
        items={items}
        triggerClassName={post.reblogged ? 'post-action shared' : 'post-action'}
        align="end"
        placement="above"
      />
      <Dialog
        open={quoting}
        onClose={() => setQuoting(false)}
        title={t('post.share.with_thoughts_title')}
        closeLabel={t('post.close')}
      >
        <Composer
          bare
          autoFocus
          quote={post}
          onPosted={(status) => {
            setQuoting(false)
            list.insert(status)
          }}
        />
      </Dialog>
    </>
  )
}
