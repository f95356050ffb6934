import './reactions.css'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { reactionKinds } from '../../api/statuses.ts'
import { ChevronDownIcon, ThumbUpIcon } from '../../components/post-icons.tsx'
import { ReactionIcon } from '../../components/ReactionIcon.tsx'
import type { InnerStatus, ReactionKind } from './post-model.ts'

const HOVER_OPEN_MS = 450
const HOVER_CLOSE_MS = 350
const LONG_PRESS_MS = 450

/**
 * Like, or take your reaction back. Hovering (mouse) or a long press (touch) opens the six
 * reactions; keyboard users reach them through the small button that appears after Like.
 */
export function LikeButton({
  post,
  onReact,
  compact = false,
}: {
  post: InnerStatus
  onReact: (kind: ReactionKind | null) => void
  compact?: boolean
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<false | 'pointer' | 'keyboard'>(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const pressed = useRef(false)
  const likeRef = useRef<HTMLButtonElement>(null)
  const pickerRef = useRef<HTMLDivElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const mine = post.kith.my_reaction as ReactionKind | null

  const clear = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }
  const later = (ms: number, fn: () => void) => {
    clear()
    timer.current = setTimeout(fn, ms)
  }
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  useEffect(() => {
    if (!open) return
    if (open === 'keyboard') pickerRef.current?.querySelector<HTMLElement>('[role="menuitemradio"]')?.focus()
    const onDown = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])

  const choose = (kind: ReactionKind) => {
    clear()
    setOpen(false)
    onReact(mine === kind ? null : kind)
    if (open === 'keyboard') likeRef.current?.focus()
  }

  const onPickerKey = (e: KeyboardEvent) => {
    const items = Array.from(pickerRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])
    const at = items.indexOf(document.activeElement as HTMLElement)
    const rtl = document.documentElement.dir === 'rtl'
    let next: number | null = null
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = at + (rtl && e.key === 'ArrowRight' ? -1 : 1)
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = at + (rtl && e.key === 'ArrowLeft' ? 1 : -1)
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = items.length - 1
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false)
      if (e.key === 'Escape') {
        e.preventDefault()
        likeRef.current?.focus()
      }
      return
    }
    if (next === null) return
    e.preventDefault()
    items[(next + items.length) % items.length]?.focus()
  }

  const label = mine ? t(`post.reactions.kinds.${mine}`) : t('post.reactions.like')
  return (
    <div
      ref={wrapRef}
      className={compact ? 'like compact' : 'like'}
      onPointerEnter={(e) => e.pointerType === 'mouse' && later(HOVER_OPEN_MS, () => setOpen('pointer'))}
      onPointerLeave={(e) =>
        e.pointerType === 'mouse' && later(HOVER_CLOSE_MS, () => setOpen((o) => (o === 'pointer' ? false : o)))
      }
    >
      <button
        ref={likeRef}
        type="button"
        className={`like-button${mine ? ` reacted reacted-${mine}` : ''}`}
        aria-pressed={mine !== null}
        onPointerDown={(e) => {
          if (e.pointerType === 'mouse') return
          pressed.current = false
          later(LONG_PRESS_MS, () => {
            pressed.current = true
            setOpen('pointer')
          })
        }}
        onPointerUp={(e) => e.pointerType !== 'mouse' && !pressed.current && clear()}
        onContextMenu={(e) => pressed.current && e.preventDefault()}
        onClick={() => {
          // A long press opened the picker; the click that ends it must not also like.
          if (pressed.current) {
            pressed.current = false
            return
          }
          clear()
          setOpen(false)
          onReact(mine ? null : 'like')
        }}
      >
        {!compact && (mine ? <ReactionIcon kind={mine} size={20} /> : <ThumbUpIcon size={20} />)}
        <span>{label}</span>
      </button>
      <button
        type="button"
        className="reaction-more"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-label={t('post.reactions.choose')}
        onClick={() => setOpen(open ? false : 'keyboard')}
      >
        <ChevronDownIcon size={14} />
      </button>
      {open && (
        <div
          ref={pickerRef}
          className="reaction-picker"
          role="menu"
          aria-label={t('post.reactions.choose')}
          onKeyDown={onPickerKey}
          onPointerEnter={clear}
        >
          {reactionKinds.map((kind) => (
            <button
              key={kind}
              type="button"
              role="menuitemradio"
              aria-checked={mine === kind}
              tabIndex={-1}
              className="reaction-choice"
              onClick={() => choose(kind)}
              title={t(`post.reactions.kinds.${kind}`)}
            >
              <ReactionIcon kind={kind} size={38} />
              <span className="visually-hidden">{t(`post.reactions.kinds.${kind}`)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
