// GET /api/v2/instance
import { Instance } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../context.ts'
import { getInstanceInfo } from '../../../domain/instance/instance.ts'
import type { Api } from '../../types.ts'
import { presentInstance } from '../present/instance.ts'

export function registerV2InstanceRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/v2/instance', { schema: { tags: ['mastodon'], response: { 200: Instance } } }, async () =>
    presentInstance(ctx, await getInstanceInfo(ctx)),
  )
}
