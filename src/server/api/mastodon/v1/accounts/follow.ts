// POST /api/v1/accounts/:id/follow and /unfollow
import { Type } from 'typebox'
import { Relationship } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { followAccount, unfollowAccount } from '../../../../domain/graph/follow.ts'
import type { Api } from '../../../types.ts'
import { presentRelationship } from '../../present/relationships.ts'
import { allowEmptyBody, IdParams } from './account-lists.ts'

const FollowBody = Type.Optional(
  Type.Object({
    reblogs: Type.Optional(Type.Boolean({ description: 'Show their shares in home (default true)' })),
    notify: Type.Optional(Type.Boolean({ description: 'Notify when they post (default false)' })),
    languages: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 20 })),
  }),
)

export function registerFollowRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/accounts/:id/follow',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Follow, or ask to follow a locked account; again only updates the options',
        params: IdParams,
        body: FollowBody,
        response: { 200: Relationship },
      },
      config: { auth: 'user', scopes: ['write:follows'] },
      preValidation: allowEmptyBody,
    },
    async (req) => {
      const target = await followAccount(ctx, req.viewer!.account, req.params.id, {
        reblogs: req.body?.reblogs,
        notify: req.body?.notify,
      })
      return presentRelationship(ctx, req.viewer!, target.id)
    },
  )

  api.post(
    '/api/v1/accounts/:id/unfollow',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Stop following, or withdraw a follow request (friendship stays)',
        params: IdParams,
        response: { 200: Relationship },
      },
      config: { auth: 'user', scopes: ['write:follows'] },
    },
    async (req) => {
      const target = await unfollowAccount(ctx, req.viewer!.account, req.params.id)
      return presentRelationship(ctx, req.viewer!, target.id)
    },
  )
}
