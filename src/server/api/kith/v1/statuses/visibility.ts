// PUT /api/kith/v1/statuses/:id/visibility: change who may see one's post (docs/api-kith-posts.md)
import { Type } from 'typebox'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { changePostVisibility } from '../../../../domain/posts/change-visibility.ts'
import { presentStatus } from '../../../mastodon/present/statuses.ts'
import { StatusParams } from '../../../mastodon/v1/statuses/show.ts'
import type { Api } from '../../../types.ts'

const Body = Type.Object({
  visibility: Type.Union([
    Type.Literal('public'),
    Type.Literal('unlisted'),
    Type.Literal('private'),
    Type.Literal('friends'),
    Type.Literal('direct'),
  ]),
})

export function registerKithVisibilityRoutes(api: Api, ctx: AppContext): void {
  api.put(
    '/api/kith/v1/statuses/:id/visibility',
    {
      schema: { tags: ['kith'], params: StatusParams, body: Body, response: { 200: Status } },
      config: { auth: 'user', scopes: ['write:statuses'] },
    },
    async (req) =>
      presentStatus(ctx, req.viewer, await changePostVisibility(ctx, req.viewer!, req.params.id, req.body.visibility)),
  )
}
