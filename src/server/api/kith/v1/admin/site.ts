// Site administration (Kith): settings, logo and favicon, test email, rules, roles, server-wide
// content filters, the audit log and the dashboard. Contract: docs/api-admin.md.
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { UPLOAD_LIMITS } from '../../../../app.ts'
import type { AppContext } from '../../../../context.ts'
import { listAudit } from '../../../../domain/admin/audit.ts'
import { getDashboard } from '../../../../domain/admin/dashboard.ts'
import { PERMISSIONS } from '../../../../domain/admin/permissions.ts'
import { createRole, deleteRole, listRoles, updateRole } from '../../../../domain/admin/roles.ts'
import { addRule, editRule, removeRule } from '../../../../domain/admin/rules-admin.ts'
import {
  changeSettings,
  changeSiteImage,
  type SettingsChanges,
  sendTestEmail,
} from '../../../../domain/admin/site-admin.ts'
import {
  createContentFilter,
  deleteContentFilter,
  listContentFilters,
} from '../../../../domain/filters/content-filters.ts'
import { listInstanceRules } from '../../../../domain/instance/rules.ts'
import { getSiteSettings, type SiteSettings } from '../../../../domain/site/site-settings.ts'
import { AppError } from '../../../../errors.ts'
import { actorOf } from '../../../admin/actor.ts'
import type { Api } from '../../../types.ts'
import { IdParams, Loose, presentAudit } from './present.ts'

const settingsR = { auth: 'user' as const, scopes: ['admin:read'], permission: 'manage_settings' as const }
const settingsW = { auth: 'user' as const, scopes: ['admin:write'], permission: 'manage_settings' as const }
const Limit = Type.Object({ max: Type.Integer(), window_s: Type.Integer() })
const SettingsBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    brand_color: Type.Optional(Type.String({ maxLength: 20 })),
    default_theme: Type.Optional(Type.String({ maxLength: 10 })),
    default_locale: Type.Optional(Type.String({ maxLength: 10 })),
    post_max_chars: Type.Optional(Type.Integer()),
    media_max_attachments: Type.Optional(Type.Integer()),
    media_max_image_mb: Type.Optional(Type.Integer()),
    media_description_limit: Type.Optional(Type.Integer()),
    registration_mode: Type.Optional(Type.String({ maxLength: 20 })),
    approval_prompt: Type.Optional(Type.String({ maxLength: 2000 })),
    invites_allowed: Type.Optional(Type.String({ maxLength: 20 })),
    invite_max_uses_default: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    invite_expiry_days_default: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    contact_email: Type.Optional(Type.String({ maxLength: 300 })),
    email_from_name: Type.Optional(Type.String({ maxLength: 200 })),
    email_reply_to: Type.Optional(Type.String({ maxLength: 300 })),
    email_footer: Type.Optional(Type.String({ maxLength: 2000 })),
    page_about: Type.Optional(Type.String({ maxLength: 200_000 })),
    page_terms: Type.Optional(Type.String({ maxLength: 200_000 })),
    page_privacy: Type.Optional(Type.String({ maxLength: 200_000 })),
    rate_limits: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Limit)),
  },
  { additionalProperties: false },
)

function presentSettings(ctx: AppContext, s: SiteSettings) {
  const { setup_completed_at: _s, ...rest } = s
  return {
    ...rest,
    email_transport: { smtp: ctx.config.smtpUrl !== null, mail_from: ctx.config.mailFrom },
  }
}

async function readImage(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart())
    throw new AppError('bad_request', 'Send the image as multipart/form-data in a field named "file"')
  try {
    const part = await req.file()
    if (!part || part.fieldname !== 'file') throw new AppError('bad_request', 'Send the image in a field named "file"')
    return await part.toBuffer()
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('payload_too_large', `Uploads are limited to ${UPLOAD_LIMITS.fileSize / 1024 / 1024} MiB`)
    }
    throw err
  }
}

export function registerAdminSiteRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/kith/v1/admin/settings',
    { schema: { tags: ['admin'], response: { 200: Loose } }, config: settingsR },
    async () => presentSettings(ctx, await getSiteSettings(ctx)),
  )
  api.patch(
    '/api/kith/v1/admin/settings',
    { schema: { tags: ['admin'], body: SettingsBody, response: { 200: Loose } }, config: settingsW },
    async (req) => presentSettings(ctx, await changeSettings(ctx, actorOf(req), req.body as SettingsChanges)),
  )
  for (const kind of ['logo', 'favicon'] as const) {
    api.post(
      `/api/kith/v1/admin/settings/${kind}`,
      { schema: { tags: ['admin'], consumes: ['multipart/form-data'], response: { 200: Loose } }, config: settingsW },
      async (req) => presentSettings(ctx, await changeSiteImage(ctx, actorOf(req), kind, await readImage(req))),
    )
    api.delete(
      `/api/kith/v1/admin/settings/${kind}`,
      { schema: { tags: ['admin'], response: { 200: Loose } }, config: settingsW },
      async (req) => presentSettings(ctx, await changeSiteImage(ctx, actorOf(req), kind, null)),
    )
  }
  api.post(
    '/api/kith/v1/admin/settings/test_email',
    {
      schema: {
        tags: ['admin'],
        body: Type.Optional(Type.Object({ to: Type.Optional(Type.String({ maxLength: 300 })) })),
        response: { 200: Loose },
      },
      config: settingsW,
    },
    async (req) => ({ queued: true, to: await sendTestEmail(ctx, actorOf(req), req.body?.to) }),
  )

  const rulesW = { auth: 'user' as const, scopes: ['admin:write'], permission: 'manage_rules' as const }
  api.get(
    '/api/kith/v1/admin/rules',
    {
      schema: { tags: ['admin'], response: { 200: Type.Array(Loose) } },
      config: { ...rulesW, scopes: ['admin:read'] },
    },
    async () => listInstanceRules(ctx),
  )
  api.post(
    '/api/kith/v1/admin/rules',
    {
      schema: {
        tags: ['admin'],
        body: Type.Object({
          text: Type.String({ maxLength: 1000 }),
          hint: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: Loose },
      },
      config: rulesW,
    },
    async (req) => addRule(ctx, actorOf(req), req.body),
  )
  api.patch(
    '/api/kith/v1/admin/rules/:id',
    {
      schema: {
        tags: ['admin'],
        params: IdParams,
        body: Type.Object({
          text: Type.Optional(Type.String({ maxLength: 1000 })),
          hint: Type.Optional(Type.String({ maxLength: 2000 })),
          position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
        }),
        response: { 200: Loose },
      },
      config: rulesW,
    },
    async (req) => editRule(ctx, actorOf(req), req.params.id, req.body),
  )
  api.delete(
    '/api/kith/v1/admin/rules/:id',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: rulesW },
    async (req) => {
      await removeRule(ctx, actorOf(req), req.params.id)
      return { ok: true }
    },
  )

  const rolesW = { auth: 'user' as const, scopes: ['admin:write'], permission: 'manage_roles' as const }
  const RoleBody = Type.Object({
    name: Type.Optional(Type.String({ maxLength: 200 })),
    color: Type.Optional(Type.String({ maxLength: 20 })),
    permissions: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })),
  })
  api.get(
    '/api/kith/v1/admin/roles',
    { schema: { tags: ['admin'], response: { 200: Loose } }, config: { ...rolesW, scopes: ['admin:read'] } },
    async () => ({ permissions: [...PERMISSIONS], roles: await listRoles(ctx) }),
  )
  api.post(
    '/api/kith/v1/admin/roles',
    { schema: { tags: ['admin'], body: RoleBody, response: { 200: Loose } }, config: rolesW },
    async (req) =>
      createRole(ctx, actorOf(req), {
        name: req.body.name ?? '',
        color: req.body.color,
        permissions: req.body.permissions ?? [],
      }),
  )
  api.patch(
    '/api/kith/v1/admin/roles/:id',
    { schema: { tags: ['admin'], params: IdParams, body: RoleBody, response: { 200: Loose } }, config: rolesW },
    async (req) => updateRole(ctx, actorOf(req), req.params.id, req.body),
  )
  api.delete(
    '/api/kith/v1/admin/roles/:id',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: rolesW },
    async (req) => {
      await deleteRole(ctx, actorOf(req), req.params.id)
      return { ok: true }
    },
  )

  const filtersW = { auth: 'user' as const, scopes: ['admin:write'], permission: 'manage_filters' as const }
  api.get(
    '/api/kith/v1/admin/content_filters',
    {
      schema: { tags: ['admin'], response: { 200: Type.Array(Loose) } },
      config: { ...filtersW, scopes: ['admin:read'] },
    },
    async () => listContentFilters(ctx.db),
  )
  api.post(
    '/api/kith/v1/admin/content_filters',
    {
      schema: {
        tags: ['admin'],
        body: Type.Object({
          pattern: Type.String({ maxLength: 500 }),
          kind: Type.Union([Type.Literal('word'), Type.Literal('regex')], { default: 'word' }),
          action: Type.Union([Type.Literal('block'), Type.Literal('flag')]),
        }),
        response: { 200: Loose },
      },
      config: filtersW,
    },
    async (req) => createContentFilter(ctx, actorOf(req), req.body),
  )
  api.delete(
    '/api/kith/v1/admin/content_filters/:id',
    { schema: { tags: ['admin'], params: IdParams, response: { 200: Loose } }, config: filtersW },
    async (req) => {
      await deleteContentFilter(ctx, actorOf(req), req.params.id)
      return { ok: true }
    },
  )

  api.get(
    '/api/kith/v1/admin/audit_log',
    {
      schema: {
        tags: ['admin'],
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          action: Type.Optional(Type.String({ maxLength: 60 })),
          account_id: Type.Optional(Type.String({ maxLength: 30 })),
          target_type: Type.Optional(Type.String({ maxLength: 40 })),
          target_id: Type.Optional(Type.String({ maxLength: 60 })),
          max_id: Type.Optional(Type.String({ maxLength: 30 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Array(Loose) },
      },
      config: { auth: 'user', scopes: ['admin:read'], permission: 'view_audit_log' },
    },
    async (req) => {
      const q = req.query
      const rows = await listAudit(ctx, {
        q: q.q,
        action: q.action,
        actorId: q.account_id,
        targetType: q.target_type,
        targetId: q.target_id,
        maxId: q.max_id ?? null,
        limit: q.limit ?? 50,
      })
      return rows.map(presentAudit)
    },
  )

  api.get(
    '/api/kith/v1/admin/dashboard',
    {
      schema: {
        tags: ['admin'],
        querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) }),
        response: { 200: Loose },
      },
      config: { auth: 'user', scopes: ['admin:read'], permission: 'view_dashboard' },
    },
    async (req) => getDashboard(ctx, req.query.days ?? 30),
  )
}
