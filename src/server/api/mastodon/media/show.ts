// GET /api/v1/media/:id: one's own upload (anyone else's answers 404).
import { Type } from 'typebox'
import { MediaAttachment } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../context.ts'
import { getOwnMedia } from '../../../domain/media/upload-media.ts'
import type { Api } from '../../types.ts'
import { presentMedia } from '../present/statuses.ts'

export const MediaParams = Type.Object({ id: Type.String({ maxLength: 40 }) })

export function registerMediaShowRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/media/:id',
    {
      schema: {
        tags: ['media'],
        summary: 'One of one’s own uploads',
        params: MediaParams,
        response: { 200: MediaAttachment },
      },
      config: { auth: 'user', scopes: ['write:media'] },
    },
    async (req) => presentMedia(ctx, await getOwnMedia(ctx, req.viewer!.account.id, req.params.id)),
  )
}
