// POST /api/v1/statuses/:id/reblog, POST /api/v1/statuses/:id/unreblog
import { Type } from 'typebox'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { reblogPost, unreblogPost } from '../../../../domain/posts/reblogs.ts'
import type { Api } from '../../../types.ts'
import { presentStatus } from '../../present/statuses.ts'
import { StatusParams } from './show.ts'

// `friends` is Kith's: a share only the sharer's friends see.
const Body = Type.Object({
  visibility: Type.Optional(
    Type.Union([Type.Literal('public'), Type.Literal('unlisted'), Type.Literal('private'), Type.Literal('friends')]),
  ),
})

export function registerReblogRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/statuses/:id/reblog',
    {
      schema: { tags: ['statuses'], params: StatusParams, body: Body, response: { 200: Status } },
      config: { auth: 'user', scopes: ['write:statuses'] },
      // Most clients send no body at all.
      preValidation: async (req) => {
        req.body ??= {}
      },
    },
    // The answer is the share, with the original in `reblog`.
    async (req) =>
      presentStatus(ctx, req.viewer, await reblogPost(ctx, req.viewer!, req.params.id, req.body.visibility)),
  )
  api.post(
    '/api/v1/statuses/:id/unreblog',
    {
      schema: { tags: ['statuses'], params: StatusParams, response: { 200: Status } },
      config: { auth: 'user', scopes: ['write:statuses'] },
    },
    async (req) => presentStatus(ctx, req.viewer, await unreblogPost(ctx, req.viewer!, req.params.id)),
  )
}
