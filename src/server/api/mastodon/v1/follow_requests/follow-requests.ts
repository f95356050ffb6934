// GET /api/v1/follow_requests, POST /api/v1/follow_requests/:id/authorize and /reject
// (`:id` is the requesting account's id, as in Mastodon).
import { Type } from 'typebox'
import { Account, Relationship } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { authorizeFollowRequest, listFollowRequests, rejectFollowRequest } from '../../../../domain/graph/follow.ts'
import type { Api } from '../../../types.ts'
import { PageQuery } from '../../paging.ts'
import { presentRelationship } from '../../present/relationships.ts'
import { IdParams, presentAccountPage, readAccountPage } from '../accounts/account-lists.ts'

export function registerFollowRequestRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/follow_requests',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'People asking to follow the viewer’s locked account',
        querystring: Type.Object(PageQuery),
        response: { 200: Type.Array(Account) },
      },
      config: { auth: 'user', scopes: ['read:follows'] },
    },
    async (req, reply) => {
      const entries = await listFollowRequests(ctx, req.viewer!.account, readAccountPage(req.query))
      return presentAccountPage(ctx, req, reply, entries)
    },
  )

  for (const [action, run] of [
    ['authorize', authorizeFollowRequest],
    ['reject', rejectFollowRequest],
  ] as const) {
    api.post(
      `/api/v1/follow_requests/:id/${action}`,
      {
        schema: {
          tags: ['mastodon'],
          summary: action === 'authorize' ? 'Accept a follow request' : 'Decline a follow request',
          params: IdParams,
          response: { 200: Relationship },
        },
        config: { auth: 'user', scopes: ['write:follows'] },
      },
      async (req) => {
        const requester = await run(ctx, req.viewer!.account, req.params.id)
        return presentRelationship(ctx, req.viewer!, requester.id)
      },
    )
  }
}
