// People, as moderators see them: the directory, one person's page (profile, recent posts,
// reports by and against them, warnings, sign-in IPs and sessions, notes between moderators),
// approving or rejecting sign-ups, and giving roles.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Role } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { sendMail } from '../mail/mailer.ts'
import { renderLinkMail } from '../mail/templates.ts'
import { deleteAccountRows, type Moderator } from '../reports/account-actions.ts'
import { notifySignUpRejected } from '../reports/notify.ts'
import { listReports } from '../reports/reports-store.ts'
import { getSiteSettings } from '../site/site-settings.ts'
import { recordAudit } from './audit.ts'
import { findPerson, listUserIps, type Person } from './people-store.ts'
import { listPermissions, ROLE_RANK } from './permissions.ts'

export async function requirePerson(ctx: AppContext, accountId: string): Promise<Person> {
  const p = await findPerson(ctx.db, accountId)
  if (!p) throw new AppError('not_found', 'Record not found')
  return p
}

/** Everything the moderator's account page shows about one person. */
export async function getPersonDetail(ctx: AppContext, accountId: string) {
  const person = await requirePerson(ctx, accountId)
  const id = person.account.id
  const [posts, reportsAgainst, reportsBy, warnings, notes, sessions, ips] = await Promise.all([
    ctx.db.selectFrom('posts').selectAll().where('account_id', '=', id).orderBy('id', 'desc').limit(20).execute(),
    listReports(ctx.db, { targetAccountId: id, limit: 50 }),
    listReports(ctx.db, { accountId: id, limit: 50 }),
    ctx.db
      .selectFrom('account_warnings')
      .selectAll()
      .where('account_id', '=', id)
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
    ctx.db
      .selectFrom('moderator_notes')
      .selectAll()
      .where('account_id', '=', id)
      .orderBy('id', 'desc')
      .limit(100)
      .execute(),
    person.user
      ? ctx.db
          .selectFrom('sessions')
          .selectAll()
          .where('user_id', '=', person.user.id)
          .orderBy('last_seen_at', 'desc')
          .limit(50)
          .execute()
      : [],
    person.user ? listUserIps(ctx.db, [person.user.id]) : new Map(),
  ])
  return {
    person,
    posts,
    reportsAgainst,
    reportsBy,
    warnings,
    notes,
    sessions,
    ips: (person.user ? ips.get(person.user.id) : undefined) ?? [],
  }
}

export async function addModeratorNote(ctx: AppContext, mod: Moderator, accountId: string, text: string) {
  const body = text.trim()
  if (!body) throw validationError({ text: "Note can't be blank" })
  if (body.length > 5000) throw validationError({ text: 'At most 5000 characters' })
  const person = await requirePerson(ctx, accountId)
  const now = ctx.clock.now()
  const row = {
    id: newId(now),
    account_id: person.account.id,
    author_account_id: mod.viewer.account.id,
    text: body,
    created_at: now.toISOString(),
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('moderator_notes').values(row).execute()
    await recordAudit(ctx, trx, mod, {
      action: 'account.note',
      target: { type: 'account', id: person.account.id, label: `@${person.account.username}` },
      after: { note_id: row.id, text: body },
    })
  })
  return row
}

export async function deleteModeratorNote(ctx: AppContext, mod: Moderator, noteId: string): Promise<void> {
  const note = await ctx.db.selectFrom('moderator_notes').selectAll().where('id', '=', noteId).executeTakeFirst()
  if (!note) throw new AppError('not_found', 'Record not found')
  if (note.author_account_id !== mod.viewer.account.id)
    throw new AppError('forbidden', 'Only its author can delete a note')
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('moderator_notes').where('id', '=', noteId).execute()
    await recordAudit(ctx, trx, mod, {
      action: 'account.note_delete',
      target: { type: 'account', id: note.account_id },
      before: note,
    })
  })
}

/** Lets a pending sign-up in and welcomes them by email. */
export async function approveSignUp(ctx: AppContext, mod: Moderator, accountId: string): Promise<Person> {
  const person = await requirePerson(ctx, accountId)
  const user = person.user
  if (!user) throw new AppError('not_found', 'Record not found')
  if (user.approved) return person
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ approved: 1, updated_at: now }).where('id', '=', user.id).execute()
    await recordAudit(ctx, trx, mod, {
      action: 'account.approve',
      target: { type: 'account', id: person.account.id, label: `@${person.account.username}` },
      before: { approved: 0 },
      after: { approved: 1 },
    })
  })
  const settings = await getSiteSettings(ctx)
  const mail = renderLinkMail('approved', {
    locale: user.locale,
    name: person.account.display_name || person.account.username,
    site: settings.name,
    url: `${ctx.config.publicUrl}/auth/sign_in`,
  })
  await sendMail(ctx, { to: user.email, ...mail })
  return requirePerson(ctx, accountId)
}

/** Refuses a pending sign-up: the account is deleted and the person is told by email. */
export async function rejectSignUp(ctx: AppContext, mod: Moderator, accountId: string): Promise<Person> {
  const person = await requirePerson(ctx, accountId)
  const user = person.user
  if (!user || user.approved)
    throw new AppError('conflict', 'Only pending sign-ups can be rejected', { reason: 'not_pending' })
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(ctx, trx, mod, {
      action: 'account.reject',
      target: { type: 'account', id: person.account.id, label: `@${person.account.username}` },
      before: { username: person.account.username, email: user.email, sign_up_reason: user.sign_up_reason },
      after: { deleted: true },
    })
    await deleteAccountRows(trx, person.account.id)
  })
  await notifySignUpRejected(ctx, { email: user.email, name: person.account.display_name || person.account.username })
  return person
}

/**
 * Gives a person a built-in role (below the actor's own) and/or a custom role (whose permissions
 * the actor holds). Owners are made only from the command line.
 */
export async function changeRole(
  ctx: AppContext,
  mod: Moderator,
  accountId: string,
  input: { role?: Exclude<Role, 'owner'>; customRoleId?: string | null },
): Promise<Person> {
  const person = await requirePerson(ctx, accountId)
  const user = person.user
  if (!user) throw new AppError('not_found', 'Record not found')
  if (person.account.id === mod.viewer.account.id) throw new AppError('forbidden', 'You cannot change your own role')
  const actorRank = ROLE_RANK[mod.viewer.user.role]
  if (ROLE_RANK[user.role] >= actorRank)
    throw new AppError('forbidden', 'You cannot change the role of someone at or above your rank', {
      reason: 'outranked',
    })
  if (input.role !== undefined) {
    if (!['admin', 'moderator', 'user'].includes(input.role))
      throw validationError({ role: 'role must be admin, moderator or user' })
    if (ROLE_RANK[input.role] >= actorRank)
      throw new AppError('forbidden', 'You can only give roles below your own', { reason: 'outranked' })
  }
  if (input.customRoleId) {
    const role = await ctx.db
      .selectFrom('roles')
      .selectAll()
      .where('id', '=', input.customRoleId)
      .where('builtin', '=', 0)
      .executeTakeFirst()
    if (!role) throw validationError({ role_id: 'Unknown role' })
    const mine = await listPermissions(ctx.db, mod.viewer.user)
    const theirs = await ctx.db
      .selectFrom('role_permissions')
      .select('permission')
      .where('role_id', '=', role.id)
      .execute()
    if (theirs.some((p) => !mine.has(p.permission as never))) {
      throw new AppError('forbidden', 'You can only give roles whose permissions you hold', { reason: 'outranked' })
    }
  }
  const changes = {
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.customRoleId !== undefined ? { custom_role_id: input.customRoleId } : {}),
    updated_at: ctx.clock.now().toISOString(),
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set(changes).where('id', '=', user.id).execute()
    await recordAudit(ctx, trx, mod, {
      action: 'account.role',
      target: { type: 'account', id: person.account.id, label: `@${person.account.username}` },
      before: { role: user.role, custom_role_id: user.custom_role_id ?? null },
      after: { role: changes.role ?? user.role, custom_role_id: changes.custom_role_id ?? user.custom_role_id ?? null },
    })
  })
  return requirePerson(ctx, accountId)
}
