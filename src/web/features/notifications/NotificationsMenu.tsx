import './notifications.css'
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { Spinner } from '../../components/Spinner.tsx'
import { NotificationAvatar, NotificationBody } from './NotificationView.tsx'
import { BellIcon } from './notification-icons.tsx'
import { type NotificationItem, newerId, targetPath } from './notification-model.ts'
import { useNotifications, useViewingNotifications } from './notifications-store.tsx'

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])
}

/**
 * The bell in the top bar: the unread count, and a menu of the latest notifications (a WAI-ARIA
 * menu button like components/Menu.tsx: arrows, Home/End, Escape returns focus, Tab or a click
 * outside closes). Opening it marks them read.
 */
export function NotificationsMenu() {
  const { t, i18n } = useTranslation()
  const { unread } = useNotifications()
  const [open, setOpen] = useState(false)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const { pathname } = useLocation()
  const menuId = useId()

  const close = useCallback((refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on navigation only
  useEffect(() => setOpen(false), [pathname])

  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) close(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open, close])

  const label =
    unread > 0
      ? t('notifications.button_unread', {
          count: unread,
          formatted: new Intl.NumberFormat(i18n.language).format(unread),
        })
      : t('notifications.button')
  const shown = unread > 99 ? '99+' : new Intl.NumberFormat(i18n.language).format(unread)

  return (
    <div className="notif-menu-wrap" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className={open ? 'icon-button notif-bell open' : 'icon-button notif-bell'}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        <BellIcon size={22} />
        {unread > 0 && (
          <span className="notif-badge" aria-hidden="true">
            {shown}
          </span>
        )}
      </button>
      {open && <MenuPanel id={menuId} onClose={close} />}
    </div>
  )
}

function MenuPanel({ id, onClose }: { id: string; onClose: (refocus: boolean) => void }) {
  const { t } = useTranslation()
  const { recent, recentFailed, loadRecent, marker } = useNotifications()
  const [seenBefore] = useState(marker)
  const menuRef = useRef<HTMLDivElement>(null)
  const headingId = useId()
  useViewingNotifications()

  useEffect(() => {
    void loadRecent()
  }, [loadRecent])

  // Focus goes to the first entry once there is one (the "See all" link at worst).
  const ready = recent !== null || recentFailed
  useEffect(() => {
    if (ready) menuItems(menuRef.current)[0]?.focus()
  }, [ready])

  const onKey = (e: KeyboardEvent) => {
    const list = menuItems(menuRef.current)
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = (i: number) => list[(i + list.length) % list.length]?.focus()
    if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(list.length - 1)
    else if (e.key === 'Escape') onClose(true)
    else if (e.key === 'Tab') {
      onClose(false)
      return
    } else return
    e.preventDefault()
    e.stopPropagation()
  }

  const items = (recent ?? []).slice(0, 8)
  const isNew = (item: NotificationItem) => !seenBefore || newerId(item.latestId, seenBefore)

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys are the menu's (WAI-ARIA menu pattern)
    <div className="notif-panel" onKeyDown={onKey}>
      <h2 className="notif-panel-title" id={headingId}>
        {t('notifications.title')}
      </h2>
      {!ready && (
        <p className="notif-panel-state">
          <Spinner size={20} />
          <span className="visually-hidden">{t('notifications.loading')}</span>
        </p>
      )}
      {recentFailed && <p className="notif-panel-state">{t('notifications.menu_failed')}</p>}
      {ready && !recentFailed && items.length === 0 && (
        <p className="notif-panel-state">{t('notifications.menu_empty')}</p>
      )}
      <div ref={menuRef} id={id} role="menu" aria-labelledby={headingId} className="notif-menu-list">
        {items.map((item) => (
          <MenuEntry key={item.key} item={item} fresh={isNew(item)} onPick={() => onClose(false)} />
        ))}
        <Link
          role="menuitem"
          tabIndex={-1}
          to="/notifications"
          className="notif-see-all"
          onClick={() => onClose(false)}
        >
          {t('notifications.see_all')}
        </Link>
      </div>
    </div>
  )
}

function MenuEntry({ item, fresh, onPick }: { item: NotificationItem; fresh: boolean; onPick: () => void }) {
  const { t } = useTranslation()
  const to = targetPath(item) ?? '/notifications'
  return (
    <Link
      role="menuitem"
      tabIndex={-1}
      to={to}
      className={fresh ? 'notif-entry notif-new' : 'notif-entry'}
      onClick={onPick}
    >
      <NotificationAvatar item={item} size={44} />
      <NotificationBody item={item} />
      {fresh && (
        <span className="notif-dot">
          <span className="visually-hidden">{t('notifications.new')}</span>
        </span>
      )}
    </Link>
  )
}
