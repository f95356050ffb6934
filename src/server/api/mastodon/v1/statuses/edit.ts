// PUT /api/v1/statuses/:id: edit one's own post (https://docs.joinmastodon.org/methods/statuses/#edit)
import { Type } from 'typebox'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import { editPost, type MediaChange } from '../../../../domain/posts/edit-post.ts'
import type { Api } from '../../../types.ts'
import { presentStatus } from '../../present/statuses.ts'
import { Body as CreateBody, toPoll, truthy } from './create.ts'
import { StatusParams } from './show.ts'

const Focus = Type.String({ pattern: '^-?[01](\\.[0-9]+)?,-?[01](\\.[0-9]+)?$' })
const Body = Type.Object({
  status: CreateBody.properties.status,
  spoiler_text: CreateBody.properties.spoiler_text,
  sensitive: CreateBody.properties.sensitive,
  language: CreateBody.properties.language,
  media_ids: CreateBody.properties.media_ids,
  poll: CreateBody.properties.poll,
  media_attributes: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String({ pattern: '^[0-9]{1,20}$' }),
        description: Type.Optional(Type.String({ maxLength: 1500 })),
        focus: Type.Optional(Focus),
      }),
      { maxItems: 20 },
    ),
  ),
})

const toMediaChange = (a: { id: string; description?: string; focus?: string }): MediaChange => {
  const [x, y] = (a.focus ?? '').split(',').map(Number)
  const clamp = (n: number) => Math.max(-1, Math.min(1, n))
  return {
    id: a.id,
    description: a.description,
    focus: a.focus ? { x: clamp(x!), y: clamp(y!) } : undefined,
  }
}

export function registerStatusEditRoutes(api: Api, ctx: AppContext): void {
  api.put(
    '/api/v1/statuses/:id',
    {
      schema: { tags: ['statuses'], params: StatusParams, body: Body, response: { 200: Status } },
      config: { auth: 'user', scopes: ['write:statuses'] },
    },
    async (req) => {
      const b = req.body
      const post = await editPost(ctx, req.viewer!, req.params.id, {
        text: b.status ?? '',
        spoilerText: b.spoiler_text ?? '',
        sensitive: b.sensitive === undefined ? undefined : truthy(b.sensitive),
        language: b.language,
        mediaIds: b.media_ids ?? [],
        mediaAttributes: b.media_attributes?.map(toMediaChange),
        poll: toPoll(b.poll),
      })
      return presentStatus(ctx, req.viewer, post)
    },
  )
}
