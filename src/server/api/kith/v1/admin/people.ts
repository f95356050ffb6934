// People (Kith): /api/kith/v1/admin/people…  directory, account page, notes, sign-up approval,
// actions and roles. Contract: docs/api-admin.md.
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import {
  addModeratorNote,
  approveSignUp,
  changeRole,
  deleteModeratorNote,
  getPersonDetail,
  rejectSignUp,
  requirePerson,
} from '../../../../domain/admin/people.ts'
import { type DirectoryQuery, listPeople } from '../../../../domain/admin/people-store.ts'
import {
  type AccountAction,
  actOnAccount,
  type LiftAction,
  liftAccountAction,
} from '../../../../domain/reports/account-actions.ts'
import { actorOf } from '../../../admin/actor.ts'
import { presentAdminAccount, presentAdminAccounts, presentAdminReports } from '../../../mastodon/present/admin.ts'
import { presentStatuses } from '../../../mastodon/present/statuses.ts'
import type { Api } from '../../../types.ts'
import { IdParams, Loose, presentSession } from './present.ts'

const read = { auth: 'user' as const, scopes: ['admin:read:accounts'], permission: 'manage_users' as const }
const write = { auth: 'user' as const, scopes: ['admin:write:accounts'], permission: 'manage_users' as const }
const Str = Type.Optional(Type.String({ maxLength: 200 }))
const ACTIONS = [
  'warn',
  'limit',
  'suspend',
  'disable',
  'sensitive',
  'delete_account',
  'unlimit',
  'unsuspend',
  'enable',
  'unsensitive',
] as const
const LIFTS = new Set<string>(['unlimit', 'unsuspend', 'enable', 'unsensitive'])

export function registerAdminPeopleRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/admin/people',
    {
      schema: {
        tags: ['admin'],
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union(
              ['new', 'pending', 'reported', 'suspended', 'limited', 'disabled', 'sensitized', 'active'].map((s) =>
                Type.Literal(s),
              ),
            ),
          ),
          role: Type.Optional(Type.Union(['owner', 'admin', 'moderator', 'user', 'staff'].map((s) => Type.Literal(s)))),
          role_id: Str,
          q: Str,
          email: Str,
          email_domain: Str,
          ip: Str,
          new_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
          max_id: Type.Optional(Type.String({ maxLength: 30 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Array(Loose) },
      },
      config: read,
    },
    async (req) => {
      const q = req.query
      const people = await listPeople(ctx.db, ctx.dialect, {
        status: q.status as DirectoryQuery['status'],
        role: q.role as DirectoryQuery['role'],
        roleId: q.role_id,
        username: q.q,
        email: q.email,
        emailDomain: q.email_domain,
        ip: q.ip,
        since: new Date(ctx.clock.now().getTime() - (q.new_days ?? 7) * 86_400_000).toISOString(),
        maxId: q.max_id ?? null,
        limit: q.limit ?? 50,
      })
      return presentAdminAccounts(ctx, req.viewer!, people)
    },
  )

  api.get(
    '/api/kith/v1/admin/people/:id',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: read },
    async (req) => {
      const d = await getPersonDetail(ctx, req.params.id)
      const [account, posts, against, by] = await Promise.all([
        presentAdminAccount(ctx, req.viewer!, d.person),
        presentStatuses(ctx, req.viewer, d.posts),
        presentAdminReports(ctx, req.viewer!, d.reportsAgainst),
        presentAdminReports(ctx, req.viewer!, d.reportsBy),
      ])
      return {
        account,
        recent_posts: posts,
        reports_against: against,
        reports_by: by,
        warnings: d.warnings,
        notes: d.notes,
        sessions: d.sessions.map(presentSession),
        ips: d.ips,
      }
    },
  )

  api.post(
    '/api/kith/v1/admin/people/:id/notes',
    {
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: Type.Object({ text: Type.String({ maxLength: 5000 }) }),
        response: { 200: Loose },
      },
      config: write,
    },
    async (req) => addModeratorNote(ctx, actorOf(req), req.params.id, req.body.text),
  )
  api.delete(
    '/api/kith/v1/admin/notes/:id',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: write },
    async (req) => {
      await deleteModeratorNote(ctx, actorOf(req), req.params.id)
      return { ok: true }
    },
  )

  api.post(
    '/api/kith/v1/admin/people/:id/approve',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: write },
    async (req) => presentAdminAccount(ctx, req.viewer!, await approveSignUp(ctx, actorOf(req), req.params.id)),
  )
  api.post(
    '/api/kith/v1/admin/people/:id/reject',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: write },
    async (req) => {
      await rejectSignUp(ctx, actorOf(req), req.params.id)
      return { ok: true }
    },
  )

  api.post(
    '/api/kith/v1/admin/people/:id/actions',
    {
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: Type.Object({
          action: Type.Union(ACTIONS.map((a) => Type.Literal(a))),
          text: Type.Optional(Type.String({ maxLength: 5000 })),
          rule_ids: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 50 })),
          duration_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          send_email_notification: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Loose },
      },
      config: write,
    },
    async (req) => {
      const b = req.body
      const notify = b.send_email_notification !== false
      let warning = null
      if (LIFTS.has(b.action)) {
        await liftAccountAction(ctx, actorOf(req), req.params.id, b.action as LiftAction, { notify })
      } else {
        warning = await actOnAccount(ctx, actorOf(req), req.params.id, b.action as AccountAction, {
          text: b.text,
          ruleIds: b.rule_ids,
          durationDays: b.duration_days,
          notify,
        })
      }
      if (b.action === 'delete_account') return { deleted: true }
      return { account: await presentAdminAccount(ctx, req.viewer!, await requirePerson(ctx, req.params.id)), warning }
    },
  )

  api.put(
    '/api/kith/v1/admin/people/:id/role',
    {
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: Type.Object({
          role: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('moderator'), Type.Literal('user')])),
          role_id: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
        }),
        response: { 200: Loose },
      },
      config: { ...write, permission: 'manage_roles' },
    },
    async (req) =>
      presentAdminAccount(
        ctx,
        req.viewer!,
        await changeRole(ctx, actorOf(req), req.params.id, { role: req.body.role, customRoleId: req.body.role_id }),
      ),
  )
}
