// Custom roles: a name, a colour and a set of named permissions. The built-in Owner, Admin and
// Moderator roles are listed with them but cannot be changed here.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { RoleRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import type { Moderator } from '../reports/account-actions.ts'
import { recordAudit } from './audit.ts'
import { isPermission, listPermissions, type Permission } from './permissions.ts'

export type RoleWithPermissions = RoleRow & { permissions: Permission[] }

export async function listRoles(ctx: AppContext): Promise<RoleWithPermissions[]> {
  const [roles, perms] = await Promise.all([
    ctx.db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('id').execute(),
    ctx.db.selectFrom('role_permissions').selectAll().execute(),
  ])
  return roles.map((r) => ({
    ...r,
    permissions: perms
      .filter((p) => p.role_id === r.id)
      .map((p) => p.permission)
      .filter(isPermission),
  }))
}

async function findRole(ctx: AppContext, id: string): Promise<RoleWithPermissions> {
  const role = (await listRoles(ctx)).find((r) => r.id === id)
  if (!role) throw new AppError('not_found', 'Record not found')
  return role
}

async function checkRole(
  ctx: AppContext,
  mod: Moderator,
  input: { name?: string; color?: string; permissions?: string[] },
) {
  const bad: Record<string, string> = {}
  if (input.name !== undefined && (!input.name.trim() || input.name.length > 60 || /[<>\p{Cc}]/u.test(input.name))) {
    bad.name = 'name must be 1 to 60 characters of plain text'
  }
  if (input.color !== undefined && input.color !== '' && !/^#[0-9a-fA-F]{6}$/.test(input.color))
    bad.color = 'color must be #RRGGBB'
  const unknown = (input.permissions ?? []).filter((p) => !isPermission(p))
  if (unknown.length > 0) bad.permissions = `Unknown permissions: ${unknown.join(', ')}`
  if (Object.keys(bad).length > 0) throw validationError(bad)
  const mine = await listPermissions(ctx.db, mod.viewer.user)
  if ((input.permissions ?? []).some((p) => !mine.has(p as Permission))) {
    throw new AppError('forbidden', 'A role cannot grant permissions you do not hold', { reason: 'outranked' })
  }
}

export async function createRole(
  ctx: AppContext,
  mod: Moderator,
  input: { name: string; color?: string; permissions: string[] },
): Promise<RoleWithPermissions> {
  await checkRole(ctx, mod, input)
  const now = ctx.clock.now()
  const row: RoleRow = {
    id: newId(now),
    name: input.name.trim(),
    color: input.color ?? '',
    builtin: 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
  const permissions = [...new Set(input.permissions)]
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('roles').values(row).execute()
    if (permissions.length)
      await trx
        .insertInto('role_permissions')
        .values(permissions.map((permission) => ({ role_id: row.id, permission })))
        .execute()
    await recordAudit(ctx, trx, mod, {
      action: 'role.create',
      target: { type: 'role', id: row.id, label: row.name },
      after: { ...row, permissions },
    })
  })
  return findRole(ctx, row.id)
}

export async function updateRole(
  ctx: AppContext,
  mod: Moderator,
  id: string,
  input: { name?: string; color?: string; permissions?: string[] },
): Promise<RoleWithPermissions> {
  const before = await findRole(ctx, id)
  if (before.builtin) throw new AppError('forbidden', 'Built-in roles cannot be changed', { reason: 'builtin_role' })
  await checkRole(ctx, mod, input)
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('roles')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.color !== undefined ? { color: input.color } : {}),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute()
    if (input.permissions) {
      await trx.deleteFrom('role_permissions').where('role_id', '=', id).execute()
      const permissions = [...new Set(input.permissions)]
      if (permissions.length)
        await trx
          .insertInto('role_permissions')
          .values(permissions.map((permission) => ({ role_id: id, permission })))
          .execute()
    }
    await recordAudit(ctx, trx, mod, {
      action: 'role.update',
      target: { type: 'role', id, label: input.name ?? before.name },
      before,
      after: input,
    })
  })
  return findRole(ctx, id)
}

export async function deleteRole(ctx: AppContext, mod: Moderator, id: string): Promise<void> {
  const before = await findRole(ctx, id)
  if (before.builtin) throw new AppError('forbidden', 'Built-in roles cannot be deleted', { reason: 'builtin_role' })
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ custom_role_id: null }).where('custom_role_id', '=', id).execute()
    await trx.deleteFrom('roles').where('id', '=', id).execute()
    await recordAudit(ctx, trx, mod, {
      action: 'role.delete',
      target: { type: 'role', id, label: before.name },
      before,
    })
  })
}
