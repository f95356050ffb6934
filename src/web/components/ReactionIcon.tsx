import type { ReactNode } from 'react'
import type { ReactionKind } from '#shared/mastodon-statuses.ts'

// The six reactions as small coloured pictures: drawn here rather than taken from an emoji font,
// so they look the same everywhere (many Linux desktops and servers have no colour emoji font).

const face = '#f7c133'
const ink = '#5a3a0b'

const drawings: Record<ReactionKind, ReactNode> = {
  like: (
    <>
      <circle cx="12" cy="12" r="12" fill="#1b74e4" />
      <path
        fill="#fff"
        d="M6.2 10.6h2.3v7.2H6.2a.6.6 0 0 1-.6-.6v-6a.6.6 0 0 1 .6-.6zm3.3 7.2v-7.3l2.7-4.2c.4-.6 1.4-.5 1.6.3.1.4.1.8 0 1.2l-.6 2.4h3.5c.8 0 1.4.8 1.2 1.5l-1.2 4.9a1.6 1.6 0 0 1-1.5 1.2z"
      />
    </>
  ),
  love: (
    <>
      <circle cx="12" cy="12" r="12" fill="#f0284a" />
      <path
        fill="#fff"
        d="M12 18.2s-5.8-3.4-5.8-7.4c0-2 1.5-3.4 3.2-3.4 1.1 0 2 .6 2.6 1.4.6-.8 1.5-1.4 2.6-1.4 1.7 0 3.2 1.4 3.2 3.4 0 4-5.8 7.4-5.8 7.4z"
      />
    </>
  ),
  haha: (
    <>
      <circle cx="12" cy="12" r="12" fill={face} />
      <path
        d="M6.3 9.6 8.8 8.4M6.3 7.2l2.5 1.2M17.7 9.6l-2.5-1.2M17.7 7.2l-2.5 1.2"
        stroke={ink}
        strokeWidth="1.4"
        strokeLinecap="round"
      />
      <path d="M5.8 12.4h12.4a6.2 6.2 0 0 1-12.4 0z" fill={ink} />
      <path d="M8.6 16.6a4.6 2.4 0 0 1 6.8 0 6 6 0 0 1-6.8 0z" fill="#f0506e" />
    </>
  ),
  wow: (
    <>
      <circle cx="12" cy="12" r="12" fill={face} />
      <path
        d="M6.6 6.6q1.4-1.2 2.8-.4M17.4 6.6q-1.4-1.2-2.8-.4"
        stroke={ink}
        strokeWidth="1.2"
        fill="none"
        strokeLinecap="round"
      />
      <ellipse cx="8.3" cy="9.6" rx="1.3" ry="1.8" fill={ink} />
      <ellipse cx="15.7" cy="9.6" rx="1.3" ry="1.8" fill={ink} />
      <ellipse cx="12" cy="16.2" rx="2.6" ry="3.3" fill={ink} />
    </>
  ),
  sad: (
    <>
      <circle cx="12" cy="12" r="12" fill={face} />
      <path
        d="M5.8 8.4q1.6-.4 3.2-1.8M18.2 8.4q-1.6-.4-3.2-1.8"
        stroke={ink}
        strokeWidth="1.2"
        fill="none"
        strokeLinecap="round"
      />
      <ellipse cx="8.4" cy="11" rx="1.2" ry="1.4" fill={ink} />
      <ellipse cx="15.6" cy="11" rx="1.2" ry="1.4" fill={ink} />
      <path d="M8.2 18q3.8-3.4 7.6 0" stroke={ink} strokeWidth="1.5" fill="none" strokeLinecap="round" />
      <path d="M17.4 13.2c.9 1.3 1.4 2.1 1.4 2.7a1.4 1.4 0 0 1-2.8 0c0-.6.5-1.4 1.4-2.7z" fill="#4aa3f0" />
    </>
  ),
  angry: (
    <>
      <circle cx="12" cy="12" r="12" fill="#f26b3a" />
      <path d="M12 0a12 12 0 0 1 12 12H0A12 12 0 0 1 12 0z" fill="#e5484d" opacity="0.55" />
      <path d="M5.6 9.2l4 1.4M18.4 9.2l-4 1.4" stroke={ink} strokeWidth="1.6" strokeLinecap="round" />
      <ellipse cx="8.4" cy="12.2" rx="1.2" ry="1.2" fill={ink} />
      <ellipse cx="15.6" cy="12.2" rx="1.2" ry="1.2" fill={ink} />
      <path d="M9 18.2q3-1.8 6 0" stroke={ink} strokeWidth="1.6" fill="none" strokeLinecap="round" />
    </>
  ),
}

/** A reaction picture; decorative unless `label` is given. */
export function ReactionIcon({ kind, size = 18, label }: { kind: ReactionKind; size?: number; label?: string }) {
  return (
    <svg
      className="reaction-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {drawings[kind]}
    </svg>
  )
}
