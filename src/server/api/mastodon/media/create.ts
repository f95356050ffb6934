// POST /api/v2/media and POST /api/v1/media (the legacy alias): upload a photo, multipart/form-data.
// Photos are processed before the answer, so both answer 200 with the full `url` (Mastodon's v2 may
// answer 202 while a video is still processing; Kith takes no video yet).
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { FastifyRequest } from 'fastify'
import { MediaAttachment } from '#shared/mastodon-statuses.ts'
import { UPLOAD_LIMITS } from '../../../app.ts'
import type { AppContext } from '../../../context.ts'
import { type MediaInput, uploadMedia } from '../../../domain/media/upload-media.ts'
import { AppError, validationError } from '../../../errors.ts'
import type { Api } from '../../types.ts'
import { presentMedia } from '../present/statuses.ts'

const DESCRIPTION =
  'multipart/form-data: `file` (one image: JPEG, PNG, WebP, GIF or AVIF, at most 8 MiB; no video yet), ' +
  '`description` (alt text, at most 1500 characters), `focus` ("x,y", each -1.0 to 1.0). Other fields are ignored.'

export function registerMediaCreateRoutes(api: Api, ctx: AppContext): void {
  for (const url of ['/api/v2/media', '/api/v1/media']) {
    api.post(
      url,
      {
        schema: {
          tags: ['media'],
          summary: url.startsWith('/api/v1') ? 'Upload a photo (legacy alias of /api/v2/media)' : 'Upload a photo',
          description: DESCRIPTION,
          consumes: ['multipart/form-data'],
          response: { 200: MediaAttachment },
        },
        config: { auth: 'user', scopes: ['write:media'], rateLimit: { max: 30, timeWindow: '30 minutes' } },
      },
      async (req) => {
        const media = await uploadMedia(ctx, req.viewer!.account.id, await readUpload(req))
        return presentMedia(ctx, media)
      },
    )
  }
}

/** Reads the form after auth: `file` into memory (capped by UPLOAD_LIMITS), the two text fields. */
async function readUpload(req: FastifyRequest): Promise<MediaInput> {
  if (!req.isMultipart()) throw validationError({ file: 'Send the photo as multipart/form-data in the field "file"' })
  const input: MediaInput = { file: null }
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'description') input.description = String(part.value)
        else if (part.fieldname === 'focus') input.focus = String(part.value)
      } else if (part.fieldname !== 'file') {
        // e.g. Mastodon's `thumbnail` (for video): read past it.
        await pipeline(part.file, new Writable({ write: (_chunk, _enc, done) => done() }))
      } else if (input.file) {
        part.file.resume()
        throw validationError({ file: 'Send one file per request' })
      } else {
        // Throws FST_REQ_FILE_TOO_LARGE rather than returning a truncated file.
        input.file = await part.toBuffer()
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', `Photos are limited to ${UPLOAD_LIMITS.fileSize / 1024 / 1024} MiB`)
    }
    throw err
  }
  return input
}
