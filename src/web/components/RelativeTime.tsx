import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatDateTime, formatRelative } from '../lib/format.ts'

// One shared clock for every timestamp on the page: the minute changes, every timestamp re-renders.
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | null = null

function subscribe(listener: () => void) {
  listeners.add(listener)
  timer ??= setInterval(() => {
    for (const l of listeners) l()
  }, 15_000)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }
}

const currentMinute = () => Math.floor(Date.now() / 60_000)
const WEEK = 7 * 24 * 3600 * 1000

/** "5 minutes ago" for the past week, then the date; the full date and time on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { i18n } = useTranslation()
  const minute = useSyncExternalStore(subscribe, currentMinute)
  const now = Math.max(minute * 60_000, Date.now())
  const recent = now - new Date(iso).getTime() < WEEK
  return (
    <time className={className} dateTime={iso} title={formatDateTime(iso, i18n.language)}>
      {recent ? formatRelative(iso, i18n.language, now) : formatDate(iso, i18n.language)}
    </time>
  )
}
