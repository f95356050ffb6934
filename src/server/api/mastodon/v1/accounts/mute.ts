// POST /api/v1/accounts/:id/mute and /unmute
import { Type } from 'typebox'
import { Relationship } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { MAX_MUTE_SECONDS, muteAccount, unmuteAccount } from '../../../../domain/graph/mute.ts'
import type { Api } from '../../../types.ts'
import { presentRelationship } from '../../present/relationships.ts'
import { allowEmptyBody, IdParams } from './account-lists.ts'

const MuteBody = Type.Optional(
  Type.Object({
    notifications: Type.Optional(Type.Boolean({ description: 'Also hide their notifications (default true)' })),
    duration: Type.Optional(
      Type.Integer({ minimum: 0, maximum: MAX_MUTE_SECONDS, description: 'Seconds; 0 (default) never ends' }),
    ),
  }),
)

export function registerMuteRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/accounts/:id/mute',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Mute, optionally for a while; muting again replaces the duration and flag',
        params: IdParams,
        body: MuteBody,
        response: { 200: Relationship },
      },
      config: { auth: 'user', scopes: ['write:mutes'] },
      preValidation: allowEmptyBody,
    },
    async (req) => {
      const target = await muteAccount(ctx, req.viewer!.account, req.params.id, {
        durationSeconds: req.body?.duration,
        notifications: req.body?.notifications,
      })
      return presentRelationship(ctx, req.viewer!, target.id)
    },
  )

  api.post(
    '/api/v1/accounts/:id/unmute',
    {
      schema: { tags: ['mastodon'], summary: 'Unmute', params: IdParams, response: { 200: Relationship } },
      config: { auth: 'user', scopes: ['write:mutes'] },
    },
    async (req) => {
      const target = await unmuteAccount(ctx, req.viewer!.account, req.params.id)
      return presentRelationship(ctx, req.viewer!, target.id)
    },
  )
}
