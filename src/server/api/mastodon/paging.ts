// Mastodon's keyset pagination: max_id / since_id / min_id / limit in, a Link header out
// (https://docs.joinmastodon.org/api/guidelines/#pagination).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { normalizePagingId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'

export const PageQuery = {
  max_id: Type.Optional(Type.String({ maxLength: 30 })),
  since_id: Type.Optional(Type.String({ maxLength: 30 })),
  min_id: Type.Optional(Type.String({ maxLength: 30 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 80 })),
}

/** IDs padded for text comparison; `min_id` pages forward (oldest first, then reversed for the reply). */
export type Page = { maxId: string | null; sinceId: string | null; minId: string | null; limit: number }

export function readPage(
  query: { max_id?: string; since_id?: string; min_id?: string; limit?: number },
  defaults: { limit: number; max: number } = { limit: 20, max: 40 },
): Page {
  return {
    maxId: normalizePagingId(query.max_id),
    sinceId: normalizePagingId(query.since_id),
    minId: normalizePagingId(query.min_id),
    limit: Math.min(query.limit ?? defaults.limit, defaults.max),
  }
}

/**
 * Sets `Link: <…?max_id=last>; rel="next", <…?min_id=first>; rel="prev"` from the page's cursor IDs
 * (the first and last item's paging key, newest first). Other query parameters are kept.
 */
export function setLinkHeader(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  cursors: { first: string | undefined; last: string | undefined },
): void {
  if (!cursors.first || !cursors.last) return
  const url = new URL(req.url, ctx.config.publicUrl)
  const make = (key: 'max_id' | 'min_id', value: string) => {
    const u = new URL(url)
    for (const k of ['max_id', 'min_id', 'since_id']) u.searchParams.delete(k)
    u.searchParams.set(key, value.replace(/^0+(?=\d)/, ''))
    return `<${u.toString()}>`
  }
  reply.header('link', `${make('max_id', cursors.last)}; rel="next", ${make('min_id', cursors.first)}; rel="prev"`)
}
