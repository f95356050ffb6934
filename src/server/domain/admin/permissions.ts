// Who may do what in the admin area. Built-in roles (users.role) carry the seeded permissions of
// the `roles` table; a custom role (users.custom_role_id) adds its own. Owners hold every permission.
import type { Db } from '../../db/connect.ts'
import type { Role, UserRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'

export const PERMISSIONS = [
  'view_dashboard',
  'view_audit_log',
  'manage_users',
  'manage_reports',
  'manage_appeals',
  'manage_settings',
  'manage_rules',
  'manage_filters',
  'manage_invites',
  'manage_roles',
  'delete_user_data',
] as const
export type Permission = (typeof PERMISSIONS)[number]

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value)
}

/** Higher outranks lower: nobody acts on, or hands out, a role at or above their own. */
export const ROLE_RANK: Record<Role, number> = { user: 0, moderator: 1, admin: 2, owner: 3 }

type Holder = Pick<UserRow, 'id' | 'role'> & { custom_role_id?: string | null }

// One lookup per user and request: the viewer object lives exactly as long as the request.
const cache = new WeakMap<object, Promise<ReadonlySet<Permission>>>()

export async function listPermissions(db: Db, user: Holder): Promise<ReadonlySet<Permission>> {
  if (user.role === 'owner') return new Set(PERMISSIONS)
  const roleIds = [user.role !== 'user' ? user.role : null, user.custom_role_id ?? null].filter(
    (r): r is string => r !== null,
  )
  if (roleIds.length === 0) return new Set()
  const rows = await db.selectFrom('role_permissions').select('permission').where('role_id', 'in', roleIds).execute()
  return new Set(rows.map((r) => r.permission).filter(isPermission))
}

export function viewerPermissions(db: Db, viewer: Viewer): Promise<ReadonlySet<Permission>> {
  let hit = cache.get(viewer)
  if (!hit) {
    hit = listPermissions(db, viewer.user)
    cache.set(viewer, hit)
  }
  return hit
}

export async function hasPermission(db: Db, viewer: Viewer, permission: Permission): Promise<boolean> {
  return (await viewerPermissions(db, viewer)).has(permission)
}

/** Throws 403 unless the viewer's roles grant the permission. */
export async function requirePermission(db: Db, viewer: Viewer, permission: Permission): Promise<void> {
  if (!(await hasPermission(db, viewer, permission))) {
    throw new AppError('forbidden', 'You are not allowed to do this', { reason: 'permission_required' })
  }
}

/** Staff are people holding any permission: the report queue and moderation emails are theirs. */
export async function isStaff(db: Db, viewer: Viewer): Promise<boolean> {
  return (await viewerPermissions(db, viewer)).size > 0
}

/** A moderator may act on members, not on staff of the same or a higher built-in rank. */
export function assertOutranks(actor: Pick<UserRow, 'role'>, target: Pick<UserRow, 'role'> | null): void {
  if (target && ROLE_RANK[target.role] >= ROLE_RANK[actor.role] && ROLE_RANK[target.role] > 0) {
    throw new AppError('forbidden', 'You cannot act on a member of staff with the same or a higher role', {
      reason: 'outranked',
    })
  }
}
