import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Value } from 'typebox/value'
import { createRule } from '#server/domain/instance/rules.ts'
import { Instance, type Rule, V1Instance } from '#shared/mastodon-entities.ts'
import { buildTestApp } from '../../helpers.ts'

describe('GET /api/v2/instance', () => {
  it('describes the site from its settings, with the owner as contact and the rules', async (t) => {
    const { app, ctx, given } = await buildTestApp(t, { registration: 'approval' })
    await given.settings({ post_max_chars: 1200, contact_email: 'hello@kith.test' })
    await createRule(ctx, { text: 'Be kind', hint: 'No insults' })
    await createRule(ctx, { text: 'No spam' })
    await given.account('alice')
    await given.account('pending', { confirmed: false })
    const res = await app.inject({ url: '/api/v2/instance' })
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.ok(Value.Check(Instance, body), JSON.stringify([...Value.Errors(Instance, body)]))
    assert.equal(body.domain, 'kith.test')
    assert.equal(body.title, 'Maple Street')
    assert.equal(body.description, 'Neighbours sharing news')
    assert.match(body.version, /^4\.3\.0 \(compatible; Kith \d+\.\d+\.\d+\)$/)
    assert.equal(body.configuration.urls.streaming, 'ws://kith.test')
    assert.equal(body.configuration.statuses.max_characters, 1200)
    assert.deepEqual(body.languages, ['en', 'ar'])
    assert.deepEqual(body.registrations, {
      enabled: true,
      approval_required: true,
      reason_required: true,
      message: null,
      url: null,
    })
    assert.equal(body.contact.email, 'hello@kith.test')
    assert.equal(body.contact.account?.username, 'owner')
    assert.deepEqual(
      body.rules.map((r: Rule) => [r.text, r.hint]),
      [
        ['Be kind', 'No insults'],
        ['No spam', ''],
      ],
    )
    assert.equal(body.usage.users.active_month, 2) // the owner and alice; not the unconfirmed one
    const thumb = await app.inject({ url: new URL(body.thumbnail.url).pathname })
    assert.equal(thumb.headers['content-type'], 'image/png')
  })

  it('reports each registration mode', async (t) => {
    const { app, given } = await buildTestApp(t)
    const expected = {
      open: [true, false],
      approval: [true, true],
      invite: [false, false],
      closed: [false, false],
    } as const
    for (const [mode, [enabled, approval]] of Object.entries(expected)) {
      await given.settings({ registration_mode: mode as keyof typeof expected })
      const v2 = (await app.inject({ url: '/api/v2/instance' })).json()
      assert.equal(v2.registrations.enabled, enabled, mode)
      assert.equal(v2.registrations.approval_required, approval, mode)
      const v1 = (await app.inject({ url: '/api/v1/instance' })).json()
      assert.equal(v1.registrations, enabled, mode)
      assert.equal(v1.invites_enabled, mode === 'invite', mode)
    }
  })
})

describe('GET /api/v1/instance', () => {
  it('describes the site in the v1 shape', async (t) => {
    const { app, given } = await buildTestApp(t)
    await given.account('alice')
    const res = await app.inject({ url: '/api/v1/instance' })
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.ok(Value.Check(V1Instance, body), JSON.stringify([...Value.Errors(V1Instance, body)]))
    assert.equal(body.uri, 'kith.test')
    assert.equal(body.title, 'Maple Street')
    assert.equal(body.urls.streaming_api, 'ws://kith.test')
    assert.equal(body.stats.user_count, 2)
    assert.equal(body.contact_account?.acct, 'owner')
    assert.equal(body.configuration.statuses.max_characters, 5000)
  })
})

describe('GET /api/v1/instance/rules', () => {
  it('lists the rules in order', async (t) => {
    const { app, ctx } = await buildTestApp(t)
    assert.deepEqual((await app.inject({ url: '/api/v1/instance/rules' })).json(), [])
    const first = await createRule(ctx, { text: 'Be kind' })
    await createRule(ctx, { text: 'No spam', hint: 'Ads included' })
    const res = await app.inject({ url: '/api/v1/instance/rules' })
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json()[0], { id: first.id, text: 'Be kind', hint: '' })
    assert.equal(res.json()[1].hint, 'Ads included')
  })
})
