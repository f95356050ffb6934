import './overlays.css'
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react'

export type MenuAction = {
  key: string
  label: string
  icon?: ReactNode
  onSelect: () => void
  tone?: 'danger'
  disabled?: boolean
}

type MenuProps = {
  /** The trigger's accessible name; also its visible text when `showLabel` is set. */
  label: string
  icon?: ReactNode
  showLabel?: boolean
  items: MenuAction[]
  triggerClassName?: string
  /** Which edge of the trigger the menu lines up with. */
  align?: 'start' | 'end'
  placement?: 'below' | 'above'
}

function enabledItems(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled])') ?? [])
}

/**
 * A button that opens a list of actions (WAI-ARIA menu button): arrow keys, Home and End move,
 * Escape closes and returns focus, Tab or a click outside closes.
 */
export function Menu({
  label,
  icon,
  showLabel,
  items,
  triggerClassName = 'icon-button',
  align = 'end',
  placement = 'below',
}: MenuProps) {
  const [open, setOpen] = useState(false)
  const wrapRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const focusOnOpen = useRef<'first' | 'last'>('first')
  const menuId = useId()

  const close = useCallback((refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }, [])

  useEffect(() => {
    if (!open) return
    const list = enabledItems(menuRef.current)
    ;(focusOnOpen.current === 'last' ? list.at(-1) : list[0])?.focus()
    const onPointer = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) close(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open, close])

  const openWith = (where: 'first' | 'last') => {
    focusOnOpen.current = where
    setOpen(true)
  }

  const onTriggerKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      openWith(e.key === 'ArrowUp' ? 'last' : 'first')
    }
  }

  const onMenuKey = (e: KeyboardEvent) => {
    const list = enabledItems(menuRef.current)
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = (i: number) => list[(i + list.length) % list.length]?.focus()
    if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(list.length - 1)
    else if (e.key === 'Escape') close(true)
    else if (e.key === 'Tab') {
      close(false)
      return
    } else return
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <div className="menu-wrap" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className={triggerClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={showLabel ? undefined : label}
        title={showLabel ? undefined : label}
        onClick={() => (open ? close(false) : openWith('first'))}
        onKeyDown={onTriggerKey}
      >
        {icon}
        {showLabel && <span>{label}</span>}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className={`menu menu-${align} menu-${placement}`}
          onKeyDown={onMenuKey}
        >
          {items.map((item) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={item.tone === 'danger' ? 'menu-item menu-item-danger' : 'menu-item'}
              aria-disabled={item.disabled || undefined}
              onClick={() => {
                if (item.disabled) return
                close(true)
                item.onSelect()
              }}
            >
              {item.icon}
              <span>{item.label}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
