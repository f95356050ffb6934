// What every member reaches of the admin area's world: invitations (GET|POST /api/kith/v1/invites,
// DELETE /api/kith/v1/invites/:id; all of them at /api/kith/v1/admin/invites), their own warnings
// and appeals (GET /api/kith/v1/warnings, POST /api/kith/v1/appeals), and the public pages
// (GET /api/kith/v1/pages/:slug).
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import type { InviteRow } from '../../../../db/schema.ts'
import { createInviteAs, listInvites, mayCreateInvites, revokeInvite } from '../../../../domain/admin/invites-admin.ts'
import { getPage } from '../../../../domain/admin/pages.ts'
import { inviteUrl } from '../../../../domain/invites/invites.ts'
import { fileAppeal, listOwnWarnings } from '../../../../domain/reports/appeals.ts'
import { ruleTexts } from '../../../../domain/reports/notify.ts'
import type { Api } from '../../../types.ts'
import { IdParams, Loose } from './present.ts'

export function registerMemberModerationRoutes(api: Api, ctx: AppContext): void {
  const presentInvite = (i: InviteRow) => ({
    id: i.id,
    code: i.code,
    url: inviteUrl(ctx.config, i.code),
    user_id: i.user_id,
    max_uses: i.max_uses,
    uses: i.uses,
    expires_at: i.expires_at,
    created_at: i.created_at,
    expired:
      (i.expires_at !== null && i.expires_at <= ctx.clock.now().toISOString()) ||
      (i.max_uses !== null && i.uses >= i.max_uses),
  })
  api.get(
    '/api/kith/v1/invites',
    { schema: { tags: ['kith'], response: { 200: Loose } }, config: { auth: 'user', scopes: ['read:accounts'] } },
    async (req) => ({
      can_create: await mayCreateInvites(ctx, req.viewer!),
      invites: (await listInvites(ctx, req.viewer!, false)).map(presentInvite),
    }),
  )
  api.post(
    '/api/kith/v1/invites',
    {
      schema: {
        tags: ['kith'],
        body: Type.Optional(
          Type.Object({
            max_uses: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
            expires_in_days: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
          }),
        ),
        response: { 200: Loose },
      },
      config: { auth: 'user', scopes: ['write:accounts'], rateLimit: { max: 50, timeWindow: '1 hour' } },
    },
    async (req) =>
      presentInvite(
        await createInviteAs(ctx, req.viewer!, req.ip ?? null, {
          maxUses: req.body?.max_uses,
          expiresInDays: req.body?.expires_in_days,
        }),
      ),
  )
  api.delete(
    '/api/kith/v1/invites/:id',
    {
      schema: { tags: ['kith'], params: IdParams, response: { 200: Loose } },
      config: { auth: 'user', scopes: ['write:accounts'] },
    },
    async (req) => presentInvite(await revokeInvite(ctx, req.viewer!, req.ip ?? null, req.params.id)),
  )
  api.get(
    '/api/kith/v1/admin/invites',
    {
      schema: { tags: ['admin'], response: { 200: Type.Array(Loose) } },
      config: { auth: 'user', scopes: ['admin:read'], permission: 'manage_invites' },
    },
    async (req) => (await listInvites(ctx, req.viewer!, true)).map(presentInvite),
  )

  api.get(
    '/api/kith/v1/warnings',
    {
      schema: { tags: ['kith'], response: { 200: Type.Array(Loose) } },
      config: { auth: 'user', scopes: ['read:accounts'] },
    },
    async (req) =>
      Promise.all(
        (await listOwnWarnings(ctx, req.viewer!)).map(async ({ warning: w, appeal }) => ({
          id: w.id,
          action: w.action,
          text: w.text,
          rules: await ruleTexts(ctx.db, w.rule_ids),
          status_ids: w.post_ids.split(' ').filter(Boolean),
          created_at: w.created_at,
          overturned_at: w.overturned_at,
          appeal: appeal
            ? { id: appeal.id, text: appeal.text, status: appeal.status, created_at: appeal.created_at }
            : null,
          can_appeal: !appeal && !w.overturned_at,
        })),
      ),
  )
  api.post(
    '/api/kith/v1/appeals',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({ warning_id: Type.String({ maxLength: 30 }), text: Type.String({ maxLength: 5000 }) }),
        response: { 200: Loose },
      },
      config: { auth: 'user', scopes: ['write:accounts'] },
    },
    async (req) => {
      const a = await fileAppeal(ctx, req.viewer!, req.body.warning_id, req.body.text)
      return { id: a.id, warning_id: a.warning_id, text: a.text, status: a.status, created_at: a.created_at }
    },
  )

  api.get(
    '/api/kith/v1/pages/:slug',
    {
      schema: {
        tags: ['kith'],
        params: Type.Object({ slug: Type.String({ maxLength: 20 }) }),
        response: { 200: Type.Object({ slug: Type.String(), markdown: Type.String(), html: Type.String() }) },
      },
    },
    async (req) => {
      const page = await getPage(ctx, req.params.slug)
      return { slug: page.slug, markdown: page.markdown, html: page.html }
    },
  )
}
