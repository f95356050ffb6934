// Numbers, sizes and durations in the reader's language, through Intl.

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n)
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes)
  let i = 0
  while (value >= 1000 && i < BYTE_UNITS.length - 1) {
    value /= 1000
    i++
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[i],
    unitDisplay: i === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && i > 0 ? 1 : 0,
  }).format(value)
}

/** "45 min", "3.5 hr", "2 days": the largest unit that reads well. */
export function formatDuration(seconds: number, locale: string): string {
  const unit = (value: number, u: 'second' | 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: u,
      unitDisplay: 'long',
      maximumFractionDigits: value < 10 ? 1 : 0,
    }).format(value)
  if (seconds < 60) return unit(seconds, 'second')
  if (seconds < 3600) return unit(seconds / 60, 'minute')
  if (seconds < 86_400 * 2) return unit(seconds / 3600, 'hour')
  return unit(seconds / 86_400, 'day')
}

/** "Nov 29" for a UTC day ("2026-11-29"), the same in every time zone. */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date)
}
