// POST /api/v1/statuses/:id/pin, POST /api/v1/statuses/:id/unpin
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { pinPost, unpinPost } from '../../../../domain/posts/pins.ts'
import type { Api } from '../../../types.ts'
import { presentStatus } from '../../present/statuses.ts'
import { StatusParams } from './show.ts'

export function registerPinRoutes(api: Api, ctx: AppContext): void {
  const options = {
    schema: { tags: ['statuses'], params: StatusParams, response: { 200: Status } },
    config: { auth: 'user' as const, scopes: ['write:accounts'] },
  }
  api.post('/api/v1/statuses/:id/pin', options, async (req) =>
    presentStatus(ctx, req.viewer, await pinPost(ctx, req.viewer!, req.params.id)),
  )
  api.post('/api/v1/statuses/:id/unpin', options, async (req) =>
    presentStatus(ctx, req.viewer, await unpinPost(ctx, req.viewer!, req.params.id)),
  )
}
