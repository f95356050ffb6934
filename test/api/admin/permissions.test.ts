// The route-table permission test: every admin and moderation route, called by a signed-out
// visitor (401), a plain member (403) and, where it needs more than a moderator holds, a
// moderator (403); none of those calls changes anything.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { adminRouteTable } from '#server/api/admin/routes.ts'
import { PERMISSIONS } from '#server/domain/admin/permissions.ts'
import { anonymousWeb, buildTestApp, countRows } from '../../helpers.ts'

const MODERATOR = new Set(['view_dashboard', 'view_audit_log', 'manage_users', 'manage_reports', 'manage_appeals'])
const TABLES = [
  'accounts',
  'users',
  'sessions',
  'oauth_tokens',
  'reports',
  'audit_log',
  'rules',
  'roles',
  'invites',
].concat(['content_filters', 'ip_blocks', 'email_domain_blocks', 'moderator_notes', 'site_settings', 'jobs', 'posts'])

describe('admin route table', () => {
  it('refuses every admin route to visitors (401), members (403) and, beyond their permissions, moderators (403)', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const member = await given.account('member')
    const mod = await given.account('moddy', { role: 'moderator', scopes: 'read write admin:read admin:write' })
    const target = await given.account('targetperson')
    const routes = adminRouteTable(app)
    assert.ok(routes.length > 40, `only ${routes.length} admin routes found`)
    for (const r of routes)
      assert.ok(r.permission && PERMISSIONS.includes(r.permission), `${r.method} ${r.url} names no permission`)

    const before = await countRows(ctx, TABLES)
    for (const r of routes) {
      const url = r.url.replace(':id', target.account.id).replace(':file', '1.webp')
      const call = (headers: Record<string, string>) =>
        app.inject({
          method: r.method as 'GET',
          url,
          headers,
          ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
        })
      const anon = await call(anonymousWeb)
      assert.equal(anon.statusCode, 401, `visitor: ${r.method} ${r.url} → ${anon.statusCode}`)
      const asMember = await call(member.web)
      assert.equal(asMember.statusCode, 403, `member (web): ${r.method} ${r.url} → ${asMember.statusCode}`)
      const memberToken = await call(member.auth)
      assert.equal(memberToken.statusCode, 403, `member (token): ${r.method} ${r.url} → ${memberToken.statusCode}`)
      if (!MODERATOR.has(r.permission!)) {
        for (const headers of [mod.web, mod.auth]) {
          const asMod = await call(headers)
          assert.equal(asMod.statusCode, 403, `moderator: ${r.method} ${r.url} → ${asMod.statusCode}`)
        }
      }
    }
    assert.deepEqual(await countRows(ctx, TABLES), before)
  })
})
