// PATCH /api/v1/accounts/update_credentials: JSON, form or multipart (with `avatar` / `header` files).
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { CredentialAccount } from '#shared/mastodon-entities.ts'
import { parseBracketQuery, UPLOAD_LIMITS } from '../../../../app.ts'
import type { AppContext } from '../../../../context.ts'
import { type ProfileChanges, updateProfile } from '../../../../domain/profiles/update-profile.ts'
import { AppError } from '../../../../errors.ts'
import type { Api } from '../../../types.ts'
import { presentCredentialAccount } from '../../present/accounts.ts'
import { allowEmptyBody } from './account-lists.ts'

const Text = (maxLength: number, description?: string) => Type.Optional(Type.String({ maxLength, description }))
const FieldInput = Type.Object({ name: Text(1000), value: Text(1000) })
const Flag = Type.Optional(Type.Boolean())
const File = (description: string) => Type.Optional(Type.Unknown({ description }))

// Loose caps here; the domain answers 422 with the exact rule per field.
const Body = Type.Object({
  display_name: Text(1000),
  note: Text(5000, 'Bio, plain text; rendered with links, mentions and hashtags'),
  avatar: File('Image (multipart only): JPEG, PNG, WebP, GIF, HEIC or AVIF, at most 8 MiB; cropped to 400×400'),
  header: File('Image (multipart only); cropped to 1500×500'),
  locked: Flag,
  bot: Flag,
  discoverable: Flag,
  hide_collections: Flag,
  indexable: Flag,
  fields_attributes: Type.Optional(
    Type.Union([Type.Array(FieldInput, { maxItems: 16 }), Type.Record(Type.String(), FieldInput)], {
      description: 'Replaces all fields (at most 4): `fields_attributes[0][name]=…&fields_attributes[0][value]=…`',
    }),
  ),
  source: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  // Kith
  location: Text(1000),
  website: Text(1000, 'An http:// or https:// address, or empty'),
  birthday: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()], { description: 'YYYY-MM-DD' })),
  birthday_visibility: Text(20, 'public | friends | only_me'),
  profile_visibility: Text(20, 'public | members (hidden from signed-out visitors)'),
  friend_requests_from: Text(20, 'everyone | friends_of_friends | nobody'),
  friends_visibility: Text(20, 'public | friends | only_me'),
})
type Body = Type.Static<typeof Body>

export function registerUpdateCredentialsRoutes(api: Api, ctx: AppContext): void {
  api.patch(
    '/api/v1/accounts/update_credentials',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'Edit one’s own profile and its privacy settings',
        consumes: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'],
        body: Body,
        response: { 200: CredentialAccount },
      },
      config: { auth: 'user', scopes: ['write:accounts'] },
      preValidation: allowEmptyBody,
    },
    async (req) => {
      const body = req.isMultipart() ? await readMultipart(req) : ((req.body ?? {}) as Body)
      const account = await updateProfile(ctx, req.viewer!.account.id, toChanges(body))
      return presentCredentialAccount(ctx, req.viewer!, account)
    },
  )
}

/** Multipart is read here, after auth, not before validation: nobody uploads before being known. */
async function readMultipart(req: FastifyRequest): Promise<Body> {
  const params = new URLSearchParams()
  const files: Record<string, Buffer> = {}
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        params.append(part.fieldname, String(part.value))
      } else if (part.fieldname === 'avatar' || part.fieldname === 'header') {
        files[part.fieldname] = await part.toBuffer()
      } else {
        part.file.resume()
        throw new AppError('bad_request', `Unexpected file field "${part.fieldname}" (use avatar or header)`)
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', `Uploads are limited to ${UPLOAD_LIMITS.fileSize / 1024 / 1024} MiB`)
    }
    if (code === 'FST_FILES_LIMIT') throw new AppError('payload_too_large', 'Send at most two files: avatar and header')
    throw err
  }
  const fields = parseBracketQuery(params.toString())
  const body: Record<string, unknown> = { ...fields, ...files }
  for (const key of ['locked', 'bot', 'discoverable', 'hide_collections', 'indexable']) {
    if (typeof body[key] === 'string') body[key] = /^(1|true|on)$/i.test(body[key] as string)
  }
  for (const [key, value] of Object.entries(body)) {
    const ok = key === 'fields_attributes' || key === 'source' || key === 'avatar' || key === 'header'
    if (!ok && typeof value !== 'string' && typeof value !== 'boolean') {
      throw new AppError('bad_request', `Invalid request: ${key} must be a single value`)
    }
  }
  return body as Body
}

function toChanges(body: Body): ProfileChanges {
  const file = (v: unknown, name: string) => {
    if (v === undefined) return undefined
    if (!Buffer.isBuffer(v)) {
      throw new AppError('validation_failed', `Send ${name} as a file in a multipart/form-data request`, {
        details: { [name]: 'must be an image file' },
      })
    }
    return v
  }
  const fields = body.fields_attributes
  return {
    display_name: body.display_name,
    note: body.note,
    locked: body.locked,
    bot: body.bot,
    discoverable: body.discoverable,
    // Rails-style hashes (`{"0": {...}}`) come in key order, as Mastodon reads them.
    fields:
      fields === undefined
        ? undefined
        : (Array.isArray(fields)
            ? fields
            : Object.entries(fields)
                .sort(([a], [b]) => Number(a) - Number(b))
                .map(([, f]) => f)
          ).map((f) => ({ name: f.name ?? '', value: f.value ?? '' })),
    location: body.location,
    website: body.website,
    birthday: body.birthday,
    birthday_visibility: body.birthday_visibility as ProfileChanges['birthday_visibility'],
    profile_visibility: body.profile_visibility as ProfileChanges['profile_visibility'],
    friend_requests_from: body.friend_requests_from as ProfileChanges['friend_requests_from'],
    friends_visibility: body.friends_visibility as ProfileChanges['friends_visibility'],
    avatar: file(body.avatar, 'avatar'),
    header: file(body.header, 'header'),
  }
}
