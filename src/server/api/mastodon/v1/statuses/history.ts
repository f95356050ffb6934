// GET /api/v1/statuses/:id/history, GET /api/v1/statuses/:id/source
import { Type } from 'typebox'
import { StatusEdit, StatusSource } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { getPostSource, listPostHistory } from '../../../../domain/posts/post-history.ts'
import type { Api } from '../../../types.ts'
import { presentStatusEdits } from '../../present/status-edits.ts'
import { StatusParams } from './show.ts'

export function registerStatusHistoryRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/statuses/:id/history',
    {
      schema: { tags: ['statuses'], params: StatusParams, response: { 200: Type.Array(StatusEdit) } },
      config: { auth: 'optional', scopes: ['read:statuses'] },
    },
    async (req) => {
      const { post, versions } = await listPostHistory(ctx, req.viewer?.account.id ?? null, req.params.id)
      return presentStatusEdits(ctx, req.viewer, post, versions)
    },
  )
  api.get(
    '/api/v1/statuses/:id/source',
    {
      schema: { tags: ['statuses'], params: StatusParams, response: { 200: StatusSource } },
      config: { auth: 'user', scopes: ['read:statuses'] },
    },
    async (req) => {
      const post = await getPostSource(ctx, req.viewer!.account.id, req.params.id)
      return { id: post.id, text: post.text, spoiler_text: post.spoiler_text }
    },
  )
}
