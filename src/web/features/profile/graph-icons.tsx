import type { ReactNode } from 'react'

// Icons for profiles and the social graph, drawn like components/icons.tsx (24×24 strokes in
// currentColor). Decorative: every control that shows one also has a text label or aria-label.

type P = { size?: number; className?: string }

function Glyph({ size = 20, className, children }: P & { children: ReactNode }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

const person = (
  <>
    <path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2" />
    <circle cx="9" cy="7" r="4" />
  </>
)

export const AddFriendIcon = (p: P) => (
  <Glyph {...p}>
    {person}
    <path d="M19 8v6M22 11h-6" />
  </Glyph>
)
export const FriendCheckIcon = (p: P) => (
  <Glyph {...p}>
    {person}
    <path d="m16 11 2 2 4-4" />
  </Glyph>
)
export const FriendMinusIcon = (p: P) => (
  <Glyph {...p}>
    {person}
    <path d="M22 11h-6" />
  </Glyph>
)
export const FriendClockIcon = (p: P) => (
  <Glyph {...p}>
    {person}
    <circle cx="19" cy="11" r="3.5" />
    <path d="M19 9.5V11l1 .8" />
  </Glyph>
)
export const FriendsIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2" />
    <circle cx="9" cy="7" r="4" />
    <path d="M23 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8" />
  </Glyph>
)
export const RssIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M4 11a9 9 0 0 1 9 9M4 4a16 16 0 0 1 16 16" />
    <circle cx="5" cy="19" r="1" />
  </Glyph>
)
export const BlockIcon = (p: P) => (
  <Glyph {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="m5.6 5.6 12.8 12.8" />
  </Glyph>
)
export const MuteIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M11 5 6 9H2v6h4l5 4z" />
    <path d="m22 9-6 6M16 9l6 6" />
  </Glyph>
)
export const CameraIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M23 19a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4l2-3h6l2 3h4a2 2 0 0 1 2 2z" />
    <circle cx="12" cy="13" r="4" />
  </Glyph>
)
export const PinIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M20 10c0 6-8 12-8 12s-8-6-8-12a8 8 0 0 1 16 0z" />
    <circle cx="12" cy="10" r="3" />
  </Glyph>
)
export const LinkIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </Glyph>
)
export const CakeIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M20 21v-8a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8M2 21h20" />
    <path d="M4 16s1.5-1 4-1 4 2 6 2 4-1 4-1M12 11V8M12 4.5V5" />
  </Glyph>
)
export const CalendarIcon = (p: P) => (
  <Glyph {...p}>
    <rect x="3" y="4" width="18" height="18" rx="2" />
    <path d="M16 2v4M8 2v4M3 10h18" />
  </Glyph>
)
export const ChevronDownIcon = (p: P) => (
  <Glyph {...p}>
    <path d="m6 9 6 6 6-6" />
  </Glyph>
)
export const DotsIcon = (p: P) => (
  <Glyph {...p}>
    <circle cx="5" cy="12" r="1.2" fill="currentColor" />
    <circle cx="12" cy="12" r="1.2" fill="currentColor" />
    <circle cx="19" cy="12" r="1.2" fill="currentColor" />
  </Glyph>
)
export const SearchIcon = (p: P) => (
  <Glyph {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="m21 21-4.3-4.3" />
  </Glyph>
)
export const PhotoIcon = (p: P) => (
  <Glyph {...p}>
    <rect x="3" y="3" width="18" height="18" rx="2" />
    <circle cx="8.5" cy="8.5" r="1.5" />
    <path d="m21 15-5-5L5 21" />
  </Glyph>
)
export const EditIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M11 4H4a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-7" />
    <path d="M18.5 2.5a2.1 2.1 0 0 1 3 3L12 15l-4 1 1-4z" />
  </Glyph>
)
export const TrashIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M3 6h18M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6" />
  </Glyph>
)
export const LockIcon = (p: P) => (
  <Glyph {...p}>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Glyph>
)
export const CheckIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M20 6 9 17l-5-5" />
  </Glyph>
)
export const CloseIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M18 6 6 18M6 6l12 12" />
  </Glyph>
)
export const ZoomInIcon = (p: P) => (
  <Glyph {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="m21 21-4.3-4.3M11 8v6M8 11h6" />
  </Glyph>
)
export const ZoomOutIcon = (p: P) => (
  <Glyph {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="m21 21-4.3-4.3M8 11h6" />
  </Glyph>
)
export const InboxIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M22 12h-6l-2 3h-4l-2-3H2" />
    <path d="M5.5 5.1 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.5-6.9A2 2 0 0 0 16.8 4H7.2a2 2 0 0 0-1.7 1.1z" />
  </Glyph>
)
export const SparkIcon = (p: P) => (
  <Glyph {...p}>
    <path d="M12 3v4M12 17v4M3 12h4M17 12h4M5.6 5.6l2.8 2.8M15.6 15.6l2.8 2.8M5.6 18.4l2.8-2.8M15.6 8.4l2.8-2.8" />
  </Glyph>
)
