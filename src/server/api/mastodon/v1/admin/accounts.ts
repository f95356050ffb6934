// GET /api/v1/admin/accounts, GET /api/v2/admin/accounts, GET|DELETE /api/v1/admin/accounts/:id,
// POST /api/v1/admin/accounts/:id/{action,approve,reject,enable,unsilence,unsuspend,unsensitive}
// (https://docs.joinmastodon.org/methods/admin/accounts/)
import { Type } from 'typebox'
import { AdminAccount } from '#shared/mastodon-admin.ts'
import type { AppContext } from '../../../../context.ts'
import { approveSignUp, rejectSignUp, requirePerson } from '../../../../domain/admin/people.ts'
import { type DirectoryQuery, listPeople } from '../../../../domain/admin/people-store.ts'
import { actOnAccount, type LiftAction, liftAccountAction } from '../../../../domain/reports/account-actions.ts'
import { decideReport } from '../../../../domain/reports/moderate.ts'
import { actorOf } from '../../../admin/actor.ts'
import type { Api } from '../../../types.ts'
import { PageQuery, readPage, setLinkHeader } from '../../paging.ts'
import { presentAdminAccount, presentAdminAccounts } from '../../present/admin.ts'

const Params = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })
const read = { auth: 'user' as const, scopes: ['admin:read:accounts'], permission: 'manage_users' as const }
const write = { auth: 'user' as const, scopes: ['admin:write:accounts'], permission: 'manage_users' as const }
const Str = Type.Optional(Type.String({ maxLength: 200 }))
const Flag = Type.Optional(Type.Boolean())

const V1Query = Type.Object({
  ...PageQuery,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  local: Flag,
  remote: Flag,
  by_domain: Str,
  active: Flag,
  pending: Flag,
  disabled: Flag,
  silenced: Flag,
  suspended: Flag,
  sensitized: Flag,
  username: Str,
  display_name: Str,
  email: Str,
  ip: Str,
  staff: Flag,
})
const V2Query = Type.Object({
  ...PageQuery,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  origin: Type.Optional(Type.Union([Type.Literal('local'), Type.Literal('remote')])),
  status: Type.Optional(
    Type.Union(['active', 'pending', 'disabled', 'silenced', 'suspended'].map((s) => Type.Literal(s))),
  ),
  permissions: Type.Optional(Type.Literal('staff')),
  role_ids: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
  invited_by: Str,
  username: Str,
  display_name: Str,
  by_domain: Str,
  email: Str,
  ip: Str,
})
const ActionBody = Type.Object({
  type: Type.Optional(Type.Union(['none', 'sensitive', 'disable', 'silence', 'suspend'].map((s) => Type.Literal(s)))),
  report_id: Type.Optional(Type.String({ maxLength: 30 })),
  warning_preset_id: Type.Optional(Type.String({ maxLength: 30 })),
  text: Type.Optional(Type.String({ maxLength: 5000 })),
  send_email_notification: Type.Optional(Type.Boolean()),
  // Kith: rules broken and the length of a suspension
  rule_ids: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 50 })),
  duration_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
})

export function registerAdminAccountRoutes(api: Api, ctx: AppContext): void {
  const list = async (req: any, reply: any, q: DirectoryQuery) => {
    // Kith has no remote accounts: asking for them (or another domain) answers an empty list.
    const people = q.limit === 0 ? [] : await listPeople(ctx.db, ctx.dialect, q)
    setLinkHeader(ctx, req, reply, { first: people[0]?.account.id, last: people.at(-1)?.account.id })
    return presentAdminAccounts(ctx, req.viewer!, people)
  }
  api.get(
    '/api/v1/admin/accounts',
    { schema: { tags: ['admin'], querystring: V1Query, response: { 200: Type.Array(AdminAccount) } }, config: read },
    async (req, reply) => {
      const q = req.query
      const page = readPage(q, { limit: 100, max: 200 })
      const status = q.pending
        ? 'pending'
        : q.disabled
          ? 'disabled'
          : q.silenced
            ? 'silenced'
            : q.suspended
              ? 'suspended'
              : q.sensitized
                ? 'sensitized'
                : q.active
                  ? 'active'
                  : undefined
      const remote = q.remote || (q.by_domain && q.by_domain !== ctx.config.domain)
      return list(req, reply, {
        ...page,
        limit: remote ? 0 : page.limit,
        status,
        role: q.staff ? 'staff' : undefined,
        username: q.username,
        displayName: q.display_name,
        email: q.email,
        ip: q.ip,
      })
    },
  )
  api.get(
    '/api/v2/admin/accounts',
    { schema: { tags: ['admin'], querystring: V2Query, response: { 200: Type.Array(AdminAccount) } }, config: read },
    async (req, reply) => {
      const q = req.query
      const page = readPage(q, { limit: 100, max: 200 })
      const remote = q.origin === 'remote' || (q.by_domain && q.by_domain !== ctx.config.domain)
      return list(req, reply, {
        ...page,
        limit: remote ? 0 : page.limit,
        status: q.status as DirectoryQuery['status'],
        role: q.permissions === 'staff' ? 'staff' : undefined,
        roleId: q.role_ids?.[0],
        username: q.username,
        displayName: q.display_name,
        email: q.email,
        ip: q.ip,
      })
    },
  )
  api.get(
    '/api/v1/admin/accounts/:id',
    { schema: { tags: ['admin'], params: Params, response: { 200: AdminAccount } }, config: read },
    async (req) => presentAdminAccount(ctx, req.viewer!, await requirePerson(ctx, req.params.id)),
  )
  api.post(
    '/api/v1/admin/accounts/:id/action',
    {
      schema: { tags: ['admin'], params: Params, body: ActionBody, response: { 200: Type.Object({}) } },
      config: write,
    },
    async (req) => {
      const b = req.body ?? {}
      const input = {
        text: b.text,
        ruleIds: b.rule_ids,
        durationDays: b.duration_days,
        notify: b.send_email_notification !== false,
      }
      const actions = {
        none: 'warn',
        sensitive: 'sensitive',
        disable: 'disable',
        silence: 'limit',
        suspend: 'suspend',
      } as const
      const action = actions[(b.type ?? 'none') as keyof typeof actions]
      if (b.report_id) {
        // Acting from a report resolves the report (and the others about the same target).
        await decideReport(ctx, actorOf(req), b.report_id, action, input)
      } else {
        await actOnAccount(ctx, actorOf(req), req.params.id, action, input)
      }
      return {}
    },
  )
  api.post(
    '/api/v1/admin/accounts/:id/approve',
    { schema: { tags: ['admin'], params: Params, response: { 200: AdminAccount } }, config: write },
    async (req) => presentAdminAccount(ctx, req.viewer!, await approveSignUp(ctx, actorOf(req), req.params.id)),
  )
  api.post(
    '/api/v1/admin/accounts/:id/reject',
    { schema: { tags: ['admin'], params: Params, response: { 200: AdminAccount } }, config: write },
    async (req) => {
      const person = await requirePerson(ctx, req.params.id)
      const presented = await presentAdminAccount(ctx, req.viewer!, person)
      await rejectSignUp(ctx, actorOf(req), req.params.id)
      return presented
    },
  )
  const lifts: Record<string, LiftAction> = {
    enable: 'enable',
    unsilence: 'unlimit',
    unsuspend: 'unsuspend',
    unsensitive: 'unsensitive',
  }
  for (const [path, action] of Object.entries(lifts)) {
    api.post(
      `/api/v1/admin/accounts/:id/${path}`,
      { schema: { tags: ['admin'], params: Params, response: { 200: AdminAccount } }, config: write },
      async (req) => {
        await liftAccountAction(ctx, actorOf(req), req.params.id, action)
        return presentAdminAccount(ctx, req.viewer!, await requirePerson(ctx, req.params.id))
      },
    )
  }
  api.delete(
    '/api/v1/admin/accounts/:id',
    {
      schema: { tags: ['admin'], params: Params, response: { 200: AdminAccount } },
      config: { ...write, permission: 'delete_user_data' },
    },
    async (req) => {
      const presented = await presentAdminAccount(ctx, req.viewer!, await requirePerson(ctx, req.params.id))
      await actOnAccount(ctx, actorOf(req), req.params.id, 'delete_account', {})
      return presented
    },
  )
}
