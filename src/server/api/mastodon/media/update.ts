// PUT /api/v1/media/:id: alt text and focal point of one's own upload, posted or not. JSON or form.
import { Type } from 'typebox'
import { MediaAttachment } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../context.ts'
import { updateOwnMedia } from '../../../domain/media/upload-media.ts'
import type { Api } from '../../types.ts'
import { acceptFormFields } from '../form-data.ts'
import { presentMedia } from '../present/statuses.ts'
import { MediaParams } from './show.ts'

// Loose caps; the domain answers 422 with the exact rule.
const Body = Type.Object({
  description: Type.Optional(Type.String({ maxLength: 20_000, description: 'Alt text, at most 1500 characters' })),
  focus: Type.Optional(Type.String({ maxLength: 100, description: '"x,y", each from -1.0 to 1.0' })),
})

export function registerMediaUpdateRoutes(api: Api, ctx: AppContext): void {
  api.register(async (scope: Api) => {
    acceptFormFields(scope)
    scope.put(
      '/api/v1/media/:id',
      {
        schema: {
          tags: ['media'],
          summary: 'Change the alt text or focal point of one’s own upload',
          params: MediaParams,
          body: Body,
          response: { 200: MediaAttachment },
        },
        config: { auth: 'user', scopes: ['write:media'] },
      },
      async (req) => {
        const media = await updateOwnMedia(ctx, req.viewer!.account.id, req.params.id, {
          description: req.body?.description,
          focus: req.body?.focus,
        })
        return presentMedia(ctx, media)
      },
    )
  })
}
