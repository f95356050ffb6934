// GET /api/v1/statuses/:id, DELETE /api/v1/statuses/:id, GET /api/v1/statuses/:id/context
import { Type } from 'typebox'
import { Context, Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { getPostContext } from '../../../../domain/posts/context.ts'
import { deletePost } from '../../../../domain/posts/delete-post.ts'
import { findVisiblePost } from '../../../../domain/posts/posts-store.ts'
import { AppError } from '../../../../errors.ts'
import type { Api } from '../../../types.ts'
import { presentStatus, presentStatuses } from '../../present/statuses.ts'

export const StatusParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })

export function registerStatusShowRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/statuses/:id',
    {
      schema: { tags: ['statuses'], params: StatusParams, response: { 200: Status } },
      config: { auth: 'optional', scopes: ['read:statuses'] },
    },
    async (req) => {
      const post = await findVisiblePost(ctx.db, req.viewer?.account.id ?? null, req.params.id)
      const [status] = post ? await presentStatuses(ctx, req.viewer, [post]) : []
      if (!status) throw new AppError('not_found', 'Record not found')
      return status
    },
  )

  api.delete(
    '/api/v1/statuses/:id',
    {
      schema: { tags: ['statuses'], params: StatusParams, response: { 200: Status } },
      config: { auth: 'user', scopes: ['write:statuses'] },
    },
    async (req) => {
      const post = await findVisiblePost(ctx.db, req.viewer!.account.id, req.params.id)
      if (!post || post.account_id !== req.viewer!.account.id) throw new AppError('not_found', 'Record not found')
      // Mastodon answers with the deleted status and its source text, for "delete and redraft".
      const status = await presentStatus(ctx, req.viewer, post)
      await deletePost(ctx, req.viewer!, post.id)
      return { ...status, text: post.text }
    },
  )

  api.get(
    '/api/v1/statuses/:id/context',
    {
      schema: { tags: ['statuses'], params: StatusParams, response: { 200: Context } },
      config: { auth: 'optional', scopes: ['read:statuses'] },
    },
    async (req) => {
      const viewerId = req.viewer?.account.id ?? null
      const post = await findVisiblePost(ctx.db, viewerId, req.params.id)
      if (!post) throw new AppError('not_found', 'Record not found')
      const { ancestors, descendants } = await getPostContext(ctx, viewerId, post)
      const [a, d] = await Promise.all([
        presentStatuses(ctx, req.viewer, ancestors),
        presentStatuses(ctx, req.viewer, descendants),
      ])
      return { ancestors: a, descendants: d }
    },
  )
}
