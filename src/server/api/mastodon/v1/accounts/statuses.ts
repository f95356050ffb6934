// GET /api/v1/accounts/:id/statuses
import { Type } from 'typebox'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { findAccountById, isBlockedEitherWay } from '../../../../domain/accounts/accounts-store.ts'
import { accountQuery, runPaged } from '../../../../domain/timelines/timelines-store.ts'
import { AppError } from '../../../../errors.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentStatuses } from '../../present/statuses.ts'

const Flag = Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })]))
const on = (v: unknown) => v === true || v === 'true' || v === '1'

export function registerAccountStatusesRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/accounts/:id/statuses',
    {
      schema: {
        tags: ['accounts'],
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) }),
        querystring: Type.Object({
          ...PageQuery,
          exclude_replies: Flag,
          exclude_reblogs: Flag,
          only_media: Flag,
          pinned: Flag,
          tagged: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Type.Array(Status) },
      },
      config: { auth: 'optional', scopes: ['read:statuses'] },
    },
    async (req, reply) => {
      const viewerId = req.viewer?.account.id ?? null
      const account = await findAccountById(ctx.db, req.params.id)
      if (!account || account.suspended_at) throw new AppError('not_found', 'Record not found')
      if (account.id !== viewerId && !(await canSeeProfile(ctx, viewerId, account))) {
        throw new AppError('not_found', 'Record not found')
      }
      const q = req.query
      const rows = await runPaged(
        accountQuery(ctx.db, viewerId, account.id, {
          excludeReplies: on(q.exclude_replies),
          excludeReblogs: on(q.exclude_reblogs),
          onlyMedia: on(q.only_media),
          pinned: on(q.pinned),
          tagged: q.tagged,
        }),
        readPage(q),
      )
      setLinkHeader(ctx, req, reply, { first: rows[0]?.id, last: rows.at(-1)?.id })
      return presentStatuses(ctx, req.viewer, rows)
    },
  )
}

/** Members-only profiles are hidden from signed-out visitors; blocks hide both ways. */
async function canSeeProfile(
  ctx: AppContext,
  viewerId: string | null,
  account: { id: string; profile_visibility: string },
) {
  if (viewerId === null) return account.profile_visibility === 'public'
  return !(await isBlockedEitherWay(ctx.db, viewerId, account.id))
}
