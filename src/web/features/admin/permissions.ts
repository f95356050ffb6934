import type { Permission } from '../../api/admin.ts'
import type { Role } from '../../api/session.ts'

// The built-in roles' permissions (docs/api-admin.md). The session names only the built-in role,
// so a custom role's extra permissions don't show in the navigation; the server decides anyway.
const MODERATOR: Permission[] = ['view_dashboard', 'view_audit_log', 'manage_users', 'manage_reports', 'manage_appeals']
const ALL: Permission[] = [
  ...MODERATOR,
  'manage_settings',
  'manage_rules',
  'manage_filters',
  'manage_invites',
  'manage_roles',
  'delete_user_data',
]

export function permissionsFor(role: Role | undefined): Set<Permission> {
  if (role === 'owner' || role === 'admin') return new Set(ALL)
  if (role === 'moderator') return new Set(MODERATOR)
  return new Set()
}

export function isStaff(role: Role | undefined): boolean {
  return role === 'owner' || role === 'admin' || role === 'moderator'
}
