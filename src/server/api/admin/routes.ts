// The admin and moderation API: /api/v1/admin/… (Mastodon) and /api/kith/v1/admin/… (Kith), plus
// the member-facing pieces of moderation (reports, appeals, invitations, filters, pages).
// Contract for the web client: docs/api-admin.md.
import type { AppContext } from '../../context.ts'
import type { Permission } from '../../domain/admin/permissions.ts'
import { registerMemberModerationRoutes } from '../kith/v1/admin/members.ts'
import { registerModerationRoutes } from '../kith/v1/admin/moderation.ts'
import { registerAdminPeopleRoutes } from '../kith/v1/admin/people.ts'
import { registerAdminSiteRoutes } from '../kith/v1/admin/site.ts'
import { registerAdminAccountRoutes } from '../mastodon/v1/admin/accounts.ts'
import { registerAdminBlockRoutes } from '../mastodon/v1/admin/blocks.ts'
import { registerAdminMeasureRoutes } from '../mastodon/v1/admin/measures.ts'
import { registerAdminReportRoutes } from '../mastodon/v1/admin/reports.ts'
import { registerReportCreateRoutes } from '../mastodon/v1/reports/create.ts'
import { registerFilterRoutes } from '../mastodon/v2/filters/filters.ts'
import type { Api } from '../types.ts'
import { registerAdminGuards } from './guards.ts'

export type AdminRoute = { method: string; url: string; permission: Permission | undefined }
const ADMIN_PATH = /^\/api\/(v\d\/admin|kith\/v1\/admin)\//
const tables = new WeakMap<object, AdminRoute[]>()

/** Every admin route as registered, with its permission: the permission test walks this table. */
export function adminRouteTable(api: Api): AdminRoute[] {
  return tables.get(api) ?? []
}

export function registerAdminArea(api: Api, ctx: AppContext): void {
  const table: AdminRoute[] = []
  tables.set(api, table)
  api.addHook('onRoute', (route) => {
    if (!ADMIN_PATH.test(route.url)) return
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, permission: route.config?.permission })
    }
  })
  registerAdminGuards(api, ctx)
  // Mastodon
  registerReportCreateRoutes(api, ctx)
  registerFilterRoutes(api, ctx)
  registerAdminAccountRoutes(api, ctx)
  registerAdminReportRoutes(api, ctx)
  registerAdminBlockRoutes(api, ctx)
  registerAdminMeasureRoutes(api, ctx)
  // Kith
  registerAdminSiteRoutes(api, ctx)
  registerAdminPeopleRoutes(api, ctx)
  registerModerationRoutes(api, ctx)
  registerMemberModerationRoutes(api, ctx)
}
