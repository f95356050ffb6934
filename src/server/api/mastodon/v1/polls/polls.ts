// GET /api/v1/polls/:id, POST /api/v1/polls/:id/votes (https://docs.joinmastodon.org/methods/polls/)
import { Type } from 'typebox'
import { Poll } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { getPoll, votePoll } from '../../../../domain/posts/polls.ts'
import type { Api } from '../../../types.ts'
import { presentPollById } from '../../present/polls.ts'

const Params = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })
// Range and count are checked by the domain (422); only the shape is checked here (400).
const Body = Type.Object({ choices: Type.Array(Type.Integer({ minimum: -1000, maximum: 1000 }), { maxItems: 50 }) })

export function registerPollRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/polls/:id',
    {
      schema: { tags: ['polls'], params: Params, response: { 200: Poll } },
      config: { auth: 'optional', scopes: ['read:statuses'] },
    },
    async (req) => {
      const poll = await getPoll(ctx, req.viewer?.account.id ?? null, req.params.id)
      return presentPollById(ctx, req.viewer, poll.id)
    },
  )
  api.post(
    '/api/v1/polls/:id/votes',
    {
      schema: { tags: ['polls'], params: Params, body: Body, response: { 200: Poll } },
      config: { auth: 'user', scopes: ['write:statuses'] },
    },
    async (req) => {
      const poll = await votePoll(ctx, req.viewer!, req.params.id, req.body.choices)
      return presentPollById(ctx, req.viewer, poll.id)
    },
  )
}
