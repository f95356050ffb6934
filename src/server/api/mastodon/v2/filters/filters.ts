// GET|POST /api/v2/filters, GET|PUT|DELETE /api/v2/filters/:id (https://docs.joinmastodon.org/methods/filters/)
// Stored and served; applying them to timelines is a follow-up (see domain/filters/user-filters.ts).
import { Type } from 'typebox'
import { Filter } from '#shared/mastodon-admin.ts'
import type { AppContext } from '../../../../context.ts'
import {
  createUserFilter,
  deleteUserFilter,
  type FilterInput,
  type FilterWithParts,
  getUserFilter,
  listUserFilters,
  updateUserFilter,
} from '../../../../domain/filters/user-filters.ts'
import type { Api } from '../../../types.ts'

const Params = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })
const Keyword = Type.Object({
  id: Type.Optional(Type.String({ maxLength: 30 })),
  keyword: Type.Optional(Type.String({ maxLength: 500 })),
  whole_word: Type.Optional(Type.Boolean()),
  _destroy: Type.Optional(Type.Boolean()),
})
const Body = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 500 })),
  context: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 5 })),
  filter_action: Type.Optional(Type.String({ maxLength: 10 })),
  expires_in: Type.Optional(Type.Union([Type.Integer(), Type.Null(), Type.Literal('')])),
  // Rails-style forms send `keywords_attributes[0][keyword]=…`, which parses as an object keyed by index.
  keywords_attributes: Type.Optional(
    Type.Union([Type.Array(Keyword, { maxItems: 200 }), Type.Record(Type.String(), Keyword)]),
  ),
})

function toInput(b: Type.Static<typeof Body>): FilterInput {
  const k = b.keywords_attributes
  return {
    title: b.title,
    context: b.context,
    filter_action: b.filter_action,
    expires_in: b.expires_in === '' ? null : b.expires_in,
    keywords_attributes: k === undefined ? undefined : Array.isArray(k) ? k : Object.values(k),
  }
}

export function presentFilter(f: FilterWithParts): Filter {
  return {
    id: f.id,
    title: f.title,
    context: f.context.split(' ').filter(Boolean),
    expires_at: f.expires_at,
    filter_action: f.action,
    keywords: f.keywords.map((k) => ({ id: k.id, keyword: k.keyword, whole_word: k.whole_word === 1 })),
    statuses: f.statuses.map((s) => ({ id: s.id, status_id: s.post_id })),
  }
}

export function registerFilterRoutes(api: Api, ctx: AppContext): void {
  const read = { auth: 'user' as const, scopes: ['read:filters'] }
  const write = { auth: 'user' as const, scopes: ['write:filters'] }
  api.get(
    '/api/v2/filters',
    { schema: { tags: ['mastodon'], response: { 200: Type.Array(Filter) } }, config: read },
    async (req) => (await listUserFilters(ctx, req.viewer!.account.id)).map(presentFilter),
  )
  api.get(
    '/api/v2/filters/:id',
    { schema: { tags: ['mastodon'], params: Params, response: { 200: Filter } }, config: read },
    async (req) => presentFilter(await getUserFilter(ctx, req.viewer!.account.id, req.params.id)),
  )
  api.post(
    '/api/v2/filters',
    { schema: { tags: ['mastodon'], body: Body, response: { 200: Filter } }, config: write },
    async (req) => presentFilter(await createUserFilter(ctx, req.viewer!.account.id, toInput(req.body))),
  )
  api.put(
    '/api/v2/filters/:id',
    { schema: { tags: ['mastodon'], params: Params, body: Body, response: { 200: Filter } }, config: write },
    async (req) =>
      presentFilter(await updateUserFilter(ctx, req.viewer!.account.id, req.params.id, toInput(req.body ?? {}))),
  )
  api.delete(
    '/api/v2/filters/:id',
    { schema: { tags: ['mastodon'], params: Params, response: { 200: Type.Object({}) } }, config: write },
    async (req) => {
      await deleteUserFilter(ctx, req.viewer!.account.id, req.params.id)
      return {}
    },
  )
}
