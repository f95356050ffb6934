// The unread count (badge and tab title) and the menu's recent notifications, kept live from the
// stream. Read state is the server's `notifications` marker: opening the menu or the page moves
// it, and the other open tabs hear about it (BroadcastChannel) and read the count again.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import {
  fetchNotificationsMarker,
  fetchUnreadCount,
  listNotificationGroups,
  listNotifications,
  saveNotificationsMarker,
} from '../../api/notifications.ts'
import { useSession } from '../../context/session.tsx'
import { useStreamEvents } from '../../context/streaming.tsx'
import { setTitleCount } from '../../lib/use-document-title.ts'
import { refreshOwnAccount } from '../friends/own-account.ts'
import {
  fromGrouped,
  fromNotification,
  maxId,
  mergeNewer,
  type NotificationItem,
  newerId,
} from './notification-model.ts'

const MENU_SIZE = 8

type NotificationsState = {
  unread: number
  /** The read marker: notifications newer than it are new. */
  marker: string | null
  recent: NotificationItem[] | null
  recentFailed: boolean
  loadRecent: () => Promise<void>
  /** Moves the marker to `newestId` (default: the newest notification there is). */
  markRead: (newestId?: string) => Promise<void>
  /** A view of the notifications is open: what arrives meanwhile is read at once. Returns the undo. */
  startViewing: () => () => void
  forget: (key: string | null) => void
}

const Context = createContext<NotificationsState | null>(null)

function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('kith.notifications')
}

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { user } = useSession()
  const userId = user?.id ?? null
  const [unread, setUnread] = useState(0)
  const [marker, setMarker] = useState<string | null>(null)
  const [recent, setRecent] = useState<NotificationItem[] | null>(null)
  const [recentFailed, setRecentFailed] = useState(false)
  const recentRef = useRef(recent)
  recentRef.current = recent
  const markerRef = useRef(marker)
  markerRef.current = marker
  const viewers = useRef(0)
  const channel = useRef<BroadcastChannel | null>(null)
  const readTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const refreshCount = useCallback(async () => {
    try {
      const [count, mark] = await Promise.all([fetchUnreadCount(), fetchNotificationsMarker()])
      setUnread(count)
      setMarker(mark)
    } catch {
      // Kept as it was; the next event or resync tries again.
    }
  }, [])

  useEffect(() => {
    setUnread(0)
    setMarker(null)
    setRecent(null)
    if (!userId) return
    void refreshCount()
    const ch = openChannel()
    channel.current = ch
    if (ch) ch.onmessage = () => void refreshCount()
    const onVisible = () => document.visibilityState === 'visible' && void refreshCount()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      ch?.close()
      channel.current = null
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [userId, refreshCount])

  useEffect(() => setTitleCount(userId ? unread : 0), [unread, userId])

  const markRead = useCallback(async (newestId?: string) => {
    try {
      const newest =
        newestId ??
        maxId((recentRef.current ?? []).map((i) => i.latestId)) ??
        (await listNotifications({ limit: 1 })).items[0]?.id
      if (!newest) {
        setUnread(0)
        return
      }
      const current = markerRef.current
      if (!current || newerId(newest, current)) {
        await saveNotificationsMarker(newest)
        setMarker(newest)
        markerRef.current = newest
        channel.current?.postMessage('read')
      }
      setUnread(await fetchUnreadCount())
    } catch {
      // The badge stays; opening again retries.
    }
  }, [])

  const loadRecent = useCallback(async () => {
    setRecentFailed(false)
    try {
      const list = recentRef.current
      const since = list && list.length > 0 ? maxId(list.map((i) => i.latestId)) : null
      const page = await listNotificationGroups(since ? { since_id: since } : { limit: MENU_SIZE })
      const items = fromGrouped(page.body)
      setRecent((old) => (old && since ? mergeNewer(old, items) : items))
    } catch {
      if (!recentRef.current) setRecentFailed(true)
    }
  }, [])

  const startViewing = useCallback(() => {
    viewers.current += 1
    return () => {
      viewers.current -= 1
    }
  }, [])

  useStreamEvents((event) => {
    if (event.type === 'resync') {
      void refreshCount()
      if (recentRef.current) void loadRecent()
      return
    }
    if (event.type !== 'notification') return
    const n = event.notification
    if (n.kith.type === 'kith:friend_request' || n.kith.type === 'kith:friend_accepted') void refreshOwnAccount()
    if (recentRef.current) setRecent((list) => (list ? mergeNewer(list, [fromNotification(n)]) : list))
    if (viewers.current > 0 && document.visibilityState === 'visible') {
      // Shown as it arrives, so it is read: one marker update for a burst.
      clearTimeout(readTimer.current)
      readTimer.current = setTimeout(() => void markRead(), 800)
    } else {
      setUnread((count) => count + 1)
    }
  }, !!userId)

  const forget = useCallback((key: string | null) => {
    setRecent((list) => (key === null ? [] : (list?.filter((i) => i.key !== key) ?? list)))
  }, [])

  const value = useMemo(
    () => ({ unread, marker, recent, recentFailed, loadRecent, markRead, startViewing, forget }),
    [unread, marker, recent, recentFailed, loadRecent, markRead, startViewing, forget],
  )
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useNotifications(): NotificationsState {
  const value = useContext(Context)
  if (!value) throw new Error('useNotifications() needs a <NotificationsProvider>')
  return value
}

/** While mounted (and `active`), the notifications count as seen: marks them read now and as they arrive. */
export function useViewingNotifications(active = true) {
  const { startViewing, markRead } = useNotifications()
  useEffect(() => {
    if (!active) return
    const stop = startViewing()
    void markRead()
    return stop
  }, [active, startViewing, markRead])
}
