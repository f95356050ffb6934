// /api/v1/admin/email_domain_blocks, /api/v1/admin/ip_blocks and /api/v1/admin/domain_blocks
// (https://docs.joinmastodon.org/methods/admin/). Kith does not federate, so it blocks no domains.
import { Type } from 'typebox'
import { DomainBlock, EmailDomainBlock, IpBlock } from '#shared/mastodon-admin.ts'
import type { AppContext } from '../../../../context.ts'
import type { IpBlockRow } from '../../../../db/schema.ts'
import {
  createEmailDomainBlock,
  createIpBlock,
  deleteEmailDomainBlock,
  deleteIpBlock,
  findIpBlock,
  listEmailDomainBlocks,
  listIpBlocks,
  updateIpBlock,
} from '../../../../domain/filters/blocks.ts'
import { AppError } from '../../../../errors.ts'
import { actorOf } from '../../../admin/actor.ts'
import type { Api } from '../../../types.ts'

const Params = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })
const Limit = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) })
const cfg = (object: string, w: boolean) => ({
  auth: 'user' as const,
  scopes: [`admin:${w ? 'write' : 'read'}:${object}`],
  permission: 'manage_filters' as const,
})
const presentEmailBlock = (b: { id: string; domain: string; created_at: string }) => ({ ...b, history: [] })
const presentIpBlock = (b: IpBlockRow) => ({
  id: b.id,
  ip: b.ip,
  severity: b.severity,
  comment: b.comment,
  created_at: b.created_at,
  expires_at: b.expires_at,
})
const IpBody = Type.Object({
  ip: Type.Optional(Type.String({ maxLength: 100 })),
  severity: Type.Optional(Type.String({ maxLength: 40 })),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
  expires_in: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
})

export function registerAdminBlockRoutes(api: Api, ctx: AppContext): void {
  const e = 'email_domain_blocks'
  api.get(
    '/api/v1/admin/email_domain_blocks',
    {
      schema: { tags: ['admin'], querystring: Limit, response: { 200: Type.Array(EmailDomainBlock) } },
      config: cfg(e, false),
    },
    async (req) => (await listEmailDomainBlocks(ctx.db, req.query.limit ?? 100)).map(presentEmailBlock),
  )
  api.get(
    '/api/v1/admin/email_domain_blocks/:id',
    { schema: { tags: ['admin'], params: Params, response: { 200: EmailDomainBlock } }, config: cfg(e, false) },
    async (req) => {
      const row = (await listEmailDomainBlocks(ctx.db, 10_000)).find((b) => b.id === req.params.id)
      if (!row) throw new AppError('not_found', 'Record not found')
      return presentEmailBlock(row)
    },
  )
  api.post(
    '/api/v1/admin/email_domain_blocks',
    {
      schema: {
        tags: ['admin'],
        body: Type.Object({ domain: Type.String({ maxLength: 300 }) }),
        response: { 200: EmailDomainBlock },
      },
      config: cfg(e, true),
    },
    async (req) => presentEmailBlock(await createEmailDomainBlock(ctx, actorOf(req), req.body.domain)),
  )
  api.delete(
    '/api/v1/admin/email_domain_blocks/:id',
    { schema: { tags: ['admin'], params: Params, response: { 200: Type.Object({}) } }, config: cfg(e, true) },
    async (req) => {
      await deleteEmailDomainBlock(ctx, actorOf(req), req.params.id)
      return {}
    },
  )

  const i = 'ip_blocks'
  api.get(
    '/api/v1/admin/ip_blocks',
    { schema: { tags: ['admin'], querystring: Limit, response: { 200: Type.Array(IpBlock) } }, config: cfg(i, false) },
    async (req) => (await listIpBlocks(ctx, req.query.limit ?? 100)).map(presentIpBlock),
  )
  api.get(
    '/api/v1/admin/ip_blocks/:id',
    { schema: { tags: ['admin'], params: Params, response: { 200: IpBlock } }, config: cfg(i, false) },
    async (req) => presentIpBlock(await findIpBlock(ctx, req.params.id)),
  )
  api.post(
    '/api/v1/admin/ip_blocks',
    { schema: { tags: ['admin'], body: IpBody, response: { 200: IpBlock } }, config: cfg(i, true) },
    async (req) =>
      presentIpBlock(
        await createIpBlock(ctx, actorOf(req), {
          ip: req.body.ip,
          severity: req.body.severity,
          comment: req.body.comment,
          expiresIn: req.body.expires_in,
        }),
      ),
  )
  api.put(
    '/api/v1/admin/ip_blocks/:id',
    { schema: { tags: ['admin'], params: Params, body: IpBody, response: { 200: IpBlock } }, config: cfg(i, true) },
    async (req) =>
      presentIpBlock(
        await updateIpBlock(ctx, actorOf(req), req.params.id, {
          ip: req.body.ip,
          severity: req.body.severity,
          comment: req.body.comment,
          expiresIn: req.body.expires_in,
        }),
      ),
  )
  api.delete(
    '/api/v1/admin/ip_blocks/:id',
    { schema: { tags: ['admin'], params: Params, response: { 200: Type.Object({}) } }, config: cfg(i, true) },
    async (req) => {
      await deleteIpBlock(ctx, actorOf(req), req.params.id)
      return {}
    },
  )

  api.get(
    '/api/v1/admin/domain_blocks',
    { schema: { tags: ['admin'], response: { 200: Type.Array(DomainBlock) } }, config: cfg('domain_blocks', false) },
    async () => [],
  )
}
