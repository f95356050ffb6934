// POST /api/v1/statuses
import { Type } from 'typebox'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import type { Visibility } from '../../../../db/schema.ts'
import { createPost, type NewPoll } from '../../../../domain/posts/create-post.ts'
import { AppError } from '../../../../errors.ts'
import type { Api } from '../../../types.ts'
import { presentStatus } from '../../present/statuses.ts'

const VisibilityParam = Type.Union([
  Type.Literal('public'),
  Type.Literal('unlisted'),
  Type.Literal('private'),
  Type.Literal('friends'),
  Type.Literal('direct'),
])
const Id = Type.String({ pattern: '^[0-9]{1,20}$' })
const Flag = Type.Union([
  Type.Boolean(),
  Type.Literal('true'),
  Type.Literal('false'),
  Type.Literal('1'),
  Type.Literal('0'),
])
export const truthy = (v: unknown) => v === true || v === 'true' || v === '1'

export const Body = Type.Object({
  status: Type.Optional(Type.String({ maxLength: 100_000 })),
  media_ids: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  poll: Type.Optional(
    Type.Object({
      options: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 }),
      expires_in: Type.Union([Type.Integer(), Type.String({ pattern: '^[0-9]{1,9}$' })]),
      multiple: Type.Optional(Flag),
      hide_totals: Type.Optional(Flag),
    }),
  ),
  in_reply_to_id: Type.Optional(Id),
  quoted_status_id: Type.Optional(Id),
  sensitive: Type.Optional(Flag),
  spoiler_text: Type.Optional(Type.String({ maxLength: 10_000 })),
  visibility: Type.Optional(VisibilityParam),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$' })),
  scheduled_at: Type.Optional(Type.String({ maxLength: 40 })),
})

export function toPoll(poll: Type.Static<typeof Body>['poll']): NewPoll | null {
  if (!poll) return null
  return {
    options: poll.options,
    expiresIn: Number(poll.expires_in),
    multiple: truthy(poll.multiple),
    hideTotals: truthy(poll.hide_totals),
  }
}

export function registerStatusCreateRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/statuses',
    {
      schema: {
        tags: ['statuses'],
        body: Body,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Status },
      },
      config: { auth: 'user', scopes: ['write:statuses'], rateLimit: { max: 300, timeWindow: '3 hours' } },
    },
    async (req) => {
      const b = req.body
      if (b.scheduled_at) throw new AppError('validation_failed', 'Scheduled posts are not supported yet')
      const post = await createPost(ctx, req.viewer!, {
        text: b.status ?? '',
        spoilerText: b.spoiler_text,
        sensitive: truthy(b.sensitive),
        visibility: (b.visibility ?? 'public') as Visibility,
        language: b.language ?? null,
        inReplyToId: b.in_reply_to_id ?? null,
        quoteOfId: b.quoted_status_id ?? null,
        mediaIds: b.media_ids ?? [],
        poll: toPoll(b.poll),
        idempotencyKey: req.headers['idempotency-key'] ?? null,
        appId: req.viewer!.appId,
      })
      return presentStatus(ctx, req.viewer, post)
    },
  )
}
