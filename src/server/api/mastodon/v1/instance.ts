// GET /api/v1/instance and GET /api/v1/instance/rules
import { Type } from 'typebox'
import { Rule, V1Instance } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../context.ts'
import { getInstanceInfo } from '../../../domain/instance/instance.ts'
import { listInstanceRules } from '../../../domain/instance/rules.ts'
import type { Api } from '../../types.ts'
import { presentRules, presentV1Instance } from '../present/instance.ts'

export function registerV1InstanceRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/v1/instance', { schema: { tags: ['mastodon'], response: { 200: V1Instance } } }, async () =>
    presentV1Instance(ctx, await getInstanceInfo(ctx)),
  )
  api.get('/api/v1/instance/rules', { schema: { tags: ['mastodon'], response: { 200: Type.Array(Rule) } } }, async () =>
    presentRules(await listInstanceRules(ctx)),
  )
}
