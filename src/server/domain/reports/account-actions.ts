// What moderators do to people and their posts. Every action is recorded in the audit log and
// leaves a warning ("strike") the person can see and appeal once; the person is emailed.
// Suspending or disabling signs the person out everywhere at once: every web session and every
// OAuth token is revoked in the same transaction (and api/auth.ts refuses them anyway).
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import type { AccountRow, AccountWarningRow, PostRow, UserRow } from '../../db/schema.ts'
import { AppError, validationError } from '../../errors.ts'
import { type Actor, recordAudit } from '../admin/audit.ts'
import { assertOutranks, requirePermission } from '../admin/permissions.ts'
import { revokeSessions } from '../auth/sessions-store.ts'
import { deleteMedia } from '../media/storage.ts'
import { notify } from '../notifications/create-notifications.ts'
import { revokeUserTokens } from '../oauth/access-tokens.ts'
import { destroyPost } from '../posts/delete-post.ts'
import { announceRevoked } from '../streaming/revocation.ts'
import { type ModerationAction, notifyAffected, ruleTexts } from './notify.ts'

export type Moderator = NonNullable<Actor>
export type ActionInput = {
  text?: string
  ruleIds?: string[]
  reportId?: string | null
  /** Suspensions only: how long; none means for good. */
  durationDays?: number | null
  /** Mastodon's send_email_notification; true by default. */
  notify?: boolean
}
export type AccountAction = 'warn' | 'limit' | 'suspend' | 'disable' | 'sensitive' | 'delete_account'
export type LiftAction = 'unlimit' | 'unsuspend' | 'enable' | 'unsensitive'
export type Target = { account: AccountRow; user: UserRow | null }

const MAX_DURATION_DAYS = 3650

export async function loadTarget(db: Db, accountId: string): Promise<Target> {
  const account = /^\d{1,20}$/.test(accountId)
    ? await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst()
    : undefined
  if (!account) throw new AppError('not_found', 'Record not found')
  const user = await db.selectFrom('users').selectAll().where('account_id', '=', account.id).executeTakeFirst()
  return { account, user: user ?? null }
}

function label(a: Pick<AccountRow, 'username'>): string {
  return `@${a.username}`
}

function accountState(a: AccountRow, u: UserRow | null) {
  return {
    suspended_at: a.suspended_at,
    suspended_until: a.suspended_until ?? null,
    limited_at: a.limited_at ?? null,
    sensitized_at: a.sensitized_at ?? null,
    disabled_at: u?.disabled_at ?? null,
  }
}

async function checkInput(db: Db, input: ActionInput): Promise<void> {
  if ((input.text ?? '').length > 5000) throw validationError({ text: 'The reason must be at most 5000 characters' })
  const ids = input.ruleIds ?? []
  if (ids.length > 0) {
    const known = await db.selectFrom('rules').select('id').where('id', 'in', ids).execute()
    if (known.length !== new Set(ids).size) throw validationError({ rule_ids: 'Unknown rules' })
  }
  const d = input.durationDays
  if (d !== undefined && d !== null && !(Number.isInteger(d) && d >= 1 && d <= MAX_DURATION_DAYS)) {
    throw validationError({ duration_days: `Duration must be a whole number of days from 1 to ${MAX_DURATION_DAYS}` })
  }
}

async function insertWarning(
  ctx: AppContext,
  db: Db,
  mod: Moderator,
  accountId: string,
  action: string,
  input: ActionInput,
  postIds: string[] = [],
): Promise<AccountWarningRow> {
  const now = ctx.clock.now()
  const row: AccountWarningRow = {
    id: newId(now),
    account_id: accountId,
    action,
    text: (input.text ?? '').trim(),
    rule_ids: (input.ruleIds ?? []).join(' '),
    report_id: input.reportId ?? null,
    post_ids: postIds.join(' '),
    created_by_account_id: mod.viewer.account.id,
    overturned_at: null,
    created_at: now.toISOString(),
  }
  await db.insertInto('account_warnings').values(row).execute()
  return row
}

async function tell(ctx: AppContext, t: Target, action: ModerationAction, input: ActionInput, extra = {}) {
  if (input.notify === false || !t.user) return
  await notifyAffected(ctx, { email: t.user.email, name: t.account.display_name || t.account.username }, action, {
    text: input.text?.trim() || undefined,
    rules: await ruleTexts(ctx.db, (input.ruleIds ?? []).join(' ')),
    ...extra,
  })
}

/** Acts on a person. Returns the warning left on their record (null for a deleted account). */
export async function actOnAccount(
  ctx: AppContext,
  mod: Moderator,
  accountId: string,
  action: AccountAction,
  input: ActionInput = {},
): Promise<AccountWarningRow | null> {
  await checkInput(ctx.db, input)
  const t = await loadTarget(ctx.db, accountId)
  if (t.account.id === mod.viewer.account.id) throw new AppError('forbidden', 'You cannot act on your own account')
  assertOutranks(mod.viewer.user, t.user)
  if (action === 'delete_account') {
    await requirePermission(ctx.db, mod.viewer, 'delete_user_data')
    await deleteAccount(ctx, mod, t, input)
    return null
  }
  const now = ctx.clock.now()
  const iso = now.toISOString()
  const until =
    action === 'suspend' && input.durationDays
      ? new Date(now.getTime() + input.durationDays * 86_400_000).toISOString()
      : null
  const warning = await ctx.db.transaction().execute(async (trx) => {
    const before = accountState(t.account, t.user)
    if (action === 'limit')
      await trx.updateTable('accounts').set({ limited_at: iso }).where('id', '=', t.account.id).execute()
    if (action === 'sensitive') {
      await trx.updateTable('accounts').set({ sensitized_at: iso }).where('id', '=', t.account.id).execute()
      await trx
        .updateTable('posts')
        .set({ sensitive: 1 })
        .where('account_id', '=', t.account.id)
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('media_attachments')
            .select('post_id')
            .where('account_id', '=', t.account.id)
            .where('post_id', 'is not', null)
            .$castTo<string>(),
        )
        .execute()
    }
    if (action === 'suspend') {
      await trx
        .updateTable('accounts')
        .set({ suspended_at: iso, suspended_until: until })
        .where('id', '=', t.account.id)
        .execute()
    }
    if (action === 'disable' && t.user) {
      await trx.updateTable('users').set({ disabled_at: iso }).where('id', '=', t.user.id).execute()
    }
    if ((action === 'suspend' || action === 'disable') && t.user) {
      await revokeSessions(trx, t.user.id, iso)
      await revokeUserTokens(ctx, trx, t.user.id)
    }
    const w = await insertWarning(ctx, trx, mod, t.account.id, action, input)
    const after = { ...before }
    if (action === 'limit') after.limited_at = iso
    if (action === 'sensitive') after.sensitized_at = iso
    if (action === 'suspend') Object.assign(after, { suspended_at: iso, suspended_until: until })
    if (action === 'disable') after.disabled_at = iso
    await recordAudit(ctx, trx, mod, {
      action: `account.${action}`,
      target: { type: 'account', id: t.account.id, label: label(t.account) },
      before,
      after: { ...after, warning_id: w.id, text: w.text, rule_ids: w.rule_ids, report_id: w.report_id },
    })
    return w
  })
  if (until) {
    await ctx.jobs.enqueue(
      'liftSuspension',
      { accountId: t.account.id, until },
      { delayMs: Date.parse(until) - now.getTime() },
    )
  }
  await tell(ctx, t, action === 'sensitive' ? 'sensitive' : action, input, { until })
  // Open streaming sockets of a suspended or disabled person close at once, on every instance.
  if (action === 'suspend' || action === 'disable') {
    await announceRevoked(ctx, { accountId: t.account.id }, { scope: 'account' })
  }
  await notify(ctx, {
    type: 'moderation_warning',
    accountId: mod.viewer.account.id,
    targetId: t.account.id,
    warningId: warning.id,
    warning: {
      id: warning.id,
      action: warning.action,
      text: warning.text,
      status_ids: warning.post_ids ? warning.post_ids.split(' ').filter(Boolean) : null,
      appeal: null,
      created_at: warning.created_at,
    },
  })
  return warning
}

/** Undoes a limit, suspension, disabled login or forced sensitivity. */
export async function liftAccountAction(
  ctx: AppContext,
  mod: Actor,
  accountId: string,
  action: LiftAction,
  options: { notify?: boolean; reason?: string } = {},
): Promise<void> {
  const t = await loadTarget(ctx.db, accountId)
  if (mod) assertOutranks(mod.viewer.user, t.user)
  const before = accountState(t.account, t.user)
  const active =
    (action === 'unlimit' && before.limited_at) ||
    (action === 'unsuspend' && before.suspended_at) ||
    (action === 'enable' && before.disabled_at) ||
    (action === 'unsensitive' && before.sensitized_at)
  if (!active) return
  await ctx.db.transaction().execute(async (trx) => {
    if (action === 'unlimit')
      await trx.updateTable('accounts').set({ limited_at: null }).where('id', '=', t.account.id).execute()
    if (action === 'unsuspend') {
      await trx
        .updateTable('accounts')
        .set({ suspended_at: null, suspended_until: null })
        .where('id', '=', t.account.id)
        .execute()
    }
    if (action === 'unsensitive') {
      await trx.updateTable('accounts').set({ sensitized_at: null }).where('id', '=', t.account.id).execute()
    }
    if (action === 'enable' && t.user)
      await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', t.user.id).execute()
    await recordAudit(ctx, trx, mod, {
      action: `account.${action}`,
      target: { type: 'account', id: t.account.id, label: label(t.account) },
      before,
      after: {
        ...before,
        ...{
          unlimit: { limited_at: null },
          unsuspend: { suspended_at: null, suspended_until: null },
          enable: { disabled_at: null },
          unsensitive: { sensitized_at: null },
        }[action],
        reason: options.reason,
      },
    })
  })
  if (options.notify !== false && t.user) {
    await notifyAffected(ctx, { email: t.user.email, name: t.account.display_name || t.account.username }, action)
  }
}

/** Job: ends a suspension made for a period, unless it was changed since (then `until` differs). */
export async function liftExpiredSuspension(
  ctx: AppContext,
  payload: { accountId: string; until: string },
): Promise<void> {
  const account = await ctx.db
    .selectFrom('accounts')
    .select(['suspended_until'])
    .where('id', '=', payload.accountId)
    .executeTakeFirst()
  if (!account || account.suspended_until !== payload.until) return
  if (Date.parse(payload.until) > ctx.clock.now().getTime()) return
  await liftAccountAction(ctx, null, payload.accountId, 'unsuspend', { reason: 'The suspension period ended' })
}

/** Deletes posts as a moderator (the report keeps its copy). Returns the posts removed. */
export async function removePosts(
  ctx: AppContext,
  mod: Moderator,
  postIds: string[],
  input: ActionInput = {},
  mode: 'remove_content' | 'mark_sensitive' = 'remove_content',
): Promise<{ posts: PostRow[]; warning: AccountWarningRow | null }> {
  await checkInput(ctx.db, input)
  if (postIds.length === 0) throw validationError({ status_ids: 'Choose the posts to act on' })
  const posts = await ctx.db.selectFrom('posts').selectAll().where('id', 'in', postIds).execute()
  if (posts.length === 0) return { posts: [], warning: null }
  const authorIds = [...new Set(posts.map((p) => p.account_id))]
  if (authorIds.length > 1) throw validationError({ status_ids: 'Act on one person’s posts at a time' })
  const t = await loadTarget(ctx.db, authorIds[0]!)
  if (t.account.id !== mod.viewer.account.id) assertOutranks(mod.viewer.user, t.user)
  if (mode === 'remove_content') {
    for (const p of posts) await destroyPost(ctx, p)
  } else {
    await ctx.db
      .updateTable('posts')
      .set({ sensitive: 1 })
      .where(
        'id',
        'in',
        posts.map((p) => p.id),
      )
      .execute()
  }
  const warning = await ctx.db.transaction().execute(async (trx) => {
    for (const p of posts) {
      await recordAudit(ctx, trx, mod, {
        action: mode === 'remove_content' ? 'post.remove' : 'post.mark_sensitive',
        target: { type: 'post', id: p.id, label: label(t.account) },
        before: { text: p.text, sensitive: p.sensitive, visibility: p.visibility },
        after: mode === 'remove_content' ? { deleted: true, report_id: input.reportId ?? null } : { sensitive: 1 },
      })
    }
    return insertWarning(
      ctx,
      trx,
      mod,
      t.account.id,
      mode,
      input,
      posts.map((p) => p.id),
    )
  })
  await tell(ctx, t, mode, input, { posts: posts.map((p) => p.text.slice(0, 140) || `(post ${p.id})`) })
  return { posts, warning }
}

async function deleteAccount(ctx: AppContext, mod: Moderator, t: Target, input: ActionInput): Promise<void> {
  const media = await ctx.db
    .selectFrom('media_attachments')
    .select('file_key')
    .where('account_id', '=', t.account.id)
    .execute()
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(ctx, trx, mod, {
      action: 'account.delete_account',
      target: { type: 'account', id: t.account.id, label: label(t.account) },
      before: {
        username: t.account.username,
        email: t.user?.email ?? null,
        role: t.user?.role ?? null,
        ...accountState(t.account, t.user),
      },
      after: { deleted: true, text: input.text ?? '', report_id: input.reportId ?? null },
    })
    await insertWarning(ctx, trx, mod, t.account.id, 'delete_account', input)
    await deleteAccountRows(trx, t.account.id)
  })
  for (const key of [...media.map((m) => m.file_key), `avatars/${t.account.id}`, `headers/${t.account.id}`]) {
    await deleteMedia(ctx, key).catch((err) => ctx.log.warn({ err, key }, 'media delete failed'))
  }
  await tell(ctx, t, 'delete_account', input)
}

/** Removes an account and everything it owns (by cascade), keeping other people's counters right. */
export async function deleteAccountRows(db: Db, accountId: string): Promise<void> {
  const dec = (col: 'followers_count' | 'following_count' | 'friends_count') => (eb: any) => ({
    [col]: eb(col, '-', 1),
  })
  await db
    .updateTable('accounts')
    .set(dec('followers_count'))
    .where('id', 'in', (eb) => eb.selectFrom('follows').select('target_account_id').where('account_id', '=', accountId))
    .execute()
  await db
    .updateTable('accounts')
    .set(dec('following_count'))
    .where('id', 'in', (eb) => eb.selectFrom('follows').select('account_id').where('target_account_id', '=', accountId))
    .execute()
  await db
    .updateTable('accounts')
    .set(dec('friends_count'))
    .where('id', 'in', (eb) => eb.selectFrom('friendships').select('account_id').where('friend_id', '=', accountId))
    .execute()
  // Shares of the account's posts by others point at nothing once the posts go; remove them too.
  await db
    .deleteFrom('posts')
    .where('reblog_of_id', 'in', (eb) =>
      eb.selectFrom('posts as p').select('p.id').where('p.account_id', '=', accountId),
    )
    .execute()
  await db.deleteFrom('accounts').where('id', '=', accountId).execute()
}
