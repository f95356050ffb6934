// GET /api/v1/timelines/home, /api/v1/timelines/public, /api/v1/timelines/tag/:hashtag
import { Type } from 'typebox'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import type { PostRow } from '../../../../db/schema.ts'
import { listHomeTimeline } from '../../../../domain/timelines/home-feed.ts'
import { publicQuery, runPaged, tagQuery } from '../../../../domain/timelines/timelines-store.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentStatuses } from '../../present/statuses.ts'

const Flag = Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })]))
const on = (v: unknown) => v === true || v === 'true' || v === '1'

export function registerTimelineRoutes(api: Api, ctx: AppContext): void {
  const answer = async (req: any, reply: any, rows: PostRow[]) => {
    setLinkHeader(ctx, req, reply, { first: rows[0]?.id, last: rows.at(-1)?.id })
    return presentStatuses(ctx, req.viewer, rows)
  }

  api.get(
    '/api/v1/timelines/home',
    {
      schema: {
        tags: ['timelines'],
        querystring: Type.Object({ ...PageQuery }),
        response: { 200: Type.Array(Status) },
      },
      config: { auth: 'user', scopes: ['read:statuses'] },
    },
    async (req, reply) => answer(req, reply, await listHomeTimeline(ctx, req.viewer!.account, readPage(req.query))),
  )

  api.get(
    '/api/v1/timelines/public',
    {
      schema: {
        tags: ['timelines'],
        querystring: Type.Object({ ...PageQuery, local: Flag, remote: Flag, only_media: Flag }),
        response: { 200: Type.Array(Status) },
      },
      config: { auth: 'optional', scopes: ['read:statuses'] },
    },
    async (req, reply) => {
      // Kith has no remote posts: `remote=true` is an empty timeline.
      if (on(req.query.remote)) return []
      const viewerId = req.viewer?.account.id ?? null
      const rows = await runPaged(
        publicQuery(ctx.db, viewerId, ctx.clock.now().toISOString(), on(req.query.only_media)),
        readPage(req.query),
      )
      return answer(req, reply, rows)
    },
  )

  api.get(
    '/api/v1/timelines/tag/:hashtag',
    {
      schema: {
        tags: ['timelines'],
        params: Type.Object({ hashtag: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object({ ...PageQuery, local: Flag, remote: Flag, only_media: Flag }),
        response: { 200: Type.Array(Status) },
      },
      config: { auth: 'optional', scopes: ['read:statuses'] },
    },
    async (req, reply) => {
      if (on(req.query.remote)) return []
      const viewerId = req.viewer?.account.id ?? null
      const tag = req.params.hashtag.replace(/^#/, '')
      const rows = await runPaged(
        tagQuery(ctx.db, viewerId, ctx.clock.now().toISOString(), tag, on(req.query.only_media)),
        readPage(req.query),
      )
      return answer(req, reply, rows)
    },
  )
}
