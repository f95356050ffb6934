// The moderation queue: report groups, appeals and posts held by a filter, gravest first, then
// oldest first. Each kind is read with one bounded query; they are merged here.
import type { AppContext } from '../../context.ts'
import type { AppealRow, PostRow } from '../../db/schema.ts'
import { AppError } from '../../errors.ts'
import { recordAudit } from '../admin/audit.ts'
import { type ActionInput, type Moderator, removePosts } from './account-actions.ts'
import { APPEAL_SEVERITY, HELD_POST_SEVERITY } from './categories.ts'
import { listOpenGroups, type ReportGroupRow } from './reports-store.ts'

export type QueueItem =
  | { kind: 'report'; severity: number; since: string; group: ReportGroupRow }
  | { kind: 'appeal'; severity: number; since: string; appeal: AppealRow }
  | { kind: 'held_post'; severity: number; since: string; post: PostRow }

export type QueueFilter = {
  kind?: 'report' | 'appeal' | 'held_post'
  assigned?: 'me' | 'unassigned' | 'any'
  limit: number
}

export async function listQueue(ctx: AppContext, mod: Moderator, filter: QueueFilter): Promise<QueueItem[]> {
  const cap = 500
  const [groups, appeals, held] = await Promise.all([
    !filter.kind || filter.kind === 'report' ? listOpenGroups(ctx.db, cap) : [],
    !filter.kind || filter.kind === 'appeal'
      ? ctx.db.selectFrom('appeals').selectAll().where('status', '=', 'pending').orderBy('id').limit(cap).execute()
      : [],
    !filter.kind || filter.kind === 'held_post'
      ? ctx.db.selectFrom('posts').selectAll().where('held_at', 'is not', null).orderBy('held_at').limit(cap).execute()
      : [],
  ])
  const me = mod.viewer.account.id
  const items: QueueItem[] = [
    ...groups
      .filter((g) => filter.assigned !== 'me' || g.assigned_account_id === me)
      .filter((g) => filter.assigned !== 'unassigned' || !g.assigned_account_id)
      .map((group) => ({ kind: 'report' as const, severity: group.severity, since: group.first_at, group })),
    ...(filter.assigned === 'me' ? appeals.filter((a) => a.assigned_account_id === me) : appeals).map((appeal) => ({
      kind: 'appeal' as const,
      severity: APPEAL_SEVERITY,
      since: appeal.created_at,
      appeal,
    })),
    ...(filter.assigned === 'me' ? [] : held).map((post) => ({
      kind: 'held_post' as const,
      severity: HELD_POST_SEVERITY,
      since: post.held_at ?? post.created_at,
      post,
    })),
  ]
  items.sort((a, b) => b.severity - a.severity || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0))
  return items.slice(0, filter.limit)
}

/** Publishes a post a filter held back: from now on its audience sees it as usual. */
export async function approveHeldPost(ctx: AppContext, mod: Moderator, postId: string): Promise<void> {
  const post = await ctx.db.selectFrom('posts').selectAll().where('id', '=', postId).executeTakeFirst()
  if (!post?.held_at) throw new AppError('not_found', 'No held post with this id')
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('posts').set({ held_at: null }).where('id', '=', post.id).execute()
    await recordAudit(ctx, trx, mod, {
      action: 'post.approve',
      target: { type: 'post', id: post.id },
      before: { held_at: post.held_at },
      after: { held_at: null },
    })
  })
}

export async function rejectHeldPost(
  ctx: AppContext,
  mod: Moderator,
  postId: string,
  input: ActionInput,
): Promise<void> {
  const post = await ctx.db.selectFrom('posts').select(['id', 'held_at']).where('id', '=', postId).executeTakeFirst()
  if (!post?.held_at) throw new AppError('not_found', 'No held post with this id')
  await removePosts(ctx, mod, [post.id], input, 'remove_content')
}
