import type { ReactNode } from 'react'

// Icons of the admin area, drawn like components/icons.tsx (24×24 strokes, decorative).
type IconProps = { size?: number; className?: string }

function AdminIcon({ size = 20, className, children }: IconProps & { children: ReactNode }) {
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

export const DashboardIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <rect x="3" y="3" width="7" height="9" rx="1.5" />
    <rect x="14" y="3" width="7" height="5" rx="1.5" />
    <rect x="14" y="12" width="7" height="9" rx="1.5" />
    <rect x="3" y="16" width="7" height="5" rx="1.5" />
  </AdminIcon>
)

export const FlagIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M4 22V4" />
    <path d="M4 4h12l-2 4 2 4H4" />
  </AdminIcon>
)

export const FilterIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M3 5h18l-7 8v6l-4 2v-8z" />
  </AdminIcon>
)

export const TicketIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M3 8a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-2a2 2 0 0 0 0-4z" />
    <path d="M13 6v2M13 11v2M13 16v2" />
  </AdminIcon>
)

export const ListIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M9 6h12M9 12h12M9 18h12" />
    <path d="M4 6h.01M4 12h.01M4 18h.01" />
  </AdminIcon>
)

export const PeopleIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
    <path d="M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6.5 6.5 0 0 1 3.5 6" />
  </AdminIcon>
)

export const ShieldCheckIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z" />
    <path d="m9 12 2 2 4-4" />
  </AdminIcon>
)

export const ArrowUpIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M12 19V5M6 11l6-6 6 6" />
  </AdminIcon>
)

export const ArrowDownIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M12 5v14M6 13l6 6 6-6" />
  </AdminIcon>
)

export const TrashIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </AdminIcon>
)

export const PencilIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M4 20h4L19 9l-4-4L4 16z" />
    <path d="m13.5 6.5 4 4" />
  </AdminIcon>
)

export const PlusIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M12 5v14M5 12h14" />
  </AdminIcon>
)

export const UploadIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <path d="M12 16V4M7 9l5-5 5 5" />
    <path d="M4 16v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
  </AdminIcon>
)

export const ChevronIcon = (p: IconProps) => (
  <AdminIcon {...p} className="icon-flip">
    <path d="m9 6 6 6-6 6" />
  </AdminIcon>
)

export const BackIcon = (p: IconProps) => (
  <AdminIcon {...p} className="icon-flip">
    <path d="M19 12H5M11 6l-6 6 6 6" />
  </AdminIcon>
)

export const SearchIcon = (p: IconProps) => (
  <AdminIcon {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-4-4" />
  </AdminIcon>
)

export const SendIcon = (p: IconProps) => (
  <AdminIcon {...p} className="icon-flip">
    <path d="M22 2 11 13M22 2l-7 20-4-9-9-4z" />
  </AdminIcon>
)
