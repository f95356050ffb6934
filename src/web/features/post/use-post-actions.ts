import { useTranslation } from 'react-i18next'
import { clearReaction, setReaction, toggleStatus } from '../../api/statuses.ts'
import { showToast } from '../../components/Toaster.tsx'
import { useSession } from '../../context/session.tsx'
import { describeError } from '../../lib/errors.ts'
import { usePostList } from './post-list.tsx'
import { applyReaction, type InnerStatus, type ReactionKind, type Status, type StatusPatch } from './post-model.ts'

/**
 * The quick actions on a post, applied at once and put back if the server refuses
 * (reactions, shares, bookmarks, pins). Slower or destructive actions wait for the server.
 */
export function usePostActions(post: InnerStatus) {
  const { t } = useTranslation()
  const { user } = useSession()
  const list = usePostList()

  async function optimistic(
    patch: StatusPatch,
    request: () => Promise<Status>,
    fromServer?: (res: Status) => StatusPatch,
  ): Promise<Status | null> {
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, post[k as keyof InnerStatus]])) as StatusPatch
    list.patch(post.id, () => patch)
    try {
      const res = await request()
      if (res?.id && fromServer) list.patch(post.id, () => fromServer(res))
      return res ?? null
    } catch (error) {
      list.patch(post.id, () => before)
      showToast(describeError(t, error), 'error')
      return null
    }
  }

  const react = (kind: ReactionKind | null) =>
    optimistic(
      applyReaction(post, kind),
      () => (kind ? setReaction(post.id, kind) : clearReaction(post.id)),
      (res) => (res.kith ? { kith: res.kith, favourites_count: res.favourites_count, favourited: res.favourited } : {}),
    )

  const share = async () => {
    const res = await optimistic(
      { reblogged: true, reblogs_count: post.reblogs_count + 1 },
      () => toggleStatus(post.id, 'reblog'),
      (res) => (res.reblog ? { reblogged: true, reblogs_count: res.reblog.reblogs_count } : {}),
    )
    if (res?.reblog) {
      list.insert(res)
      showToast(t('post.share.done'))
    }
  }

  const unshare = async () => {
    const res = await optimistic({ reblogged: false, reblogs_count: Math.max(0, post.reblogs_count - 1) }, () =>
      toggleStatus(post.id, 'unreblog'),
    )
    if (res) list.removeWhere((s) => s.reblog?.id === post.id && s.account.id === user?.id)
  }

  const toggleBookmark = async () => {
    const on = !post.bookmarked
    const res = await optimistic({ bookmarked: on }, () => toggleStatus(post.id, on ? 'bookmark' : 'unbookmark'))
    if (res) showToast(on ? t('post.menu.bookmarked') : t('post.menu.unbookmarked'))
  }

  const togglePin = async () => {
    const on = !post.pinned
    const res = await optimistic({ pinned: on }, () => toggleStatus(post.id, on ? 'pin' : 'unpin'))
    if (res) showToast(on ? t('post.menu.pinned') : t('post.menu.unpinned'))
  }

  return { react, share, unshare, toggleBookmark, togglePin }
}
