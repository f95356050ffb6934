import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildTestApp } from '../../helpers.ts'

const finger = (resource: string) => `/.well-known/webfinger?resource=${encodeURIComponent(resource)}`

describe('GET /.well-known/webfinger', () => {
  it('finds a local account by acct: URI or profile URL', async (t) => {
    const { app, given } = await buildTestApp(t)
    await given.account('alice')
    for (const resource of [
      'acct:alice@kith.test',
      'acct:Alice@KITH.test',
      'alice@kith.test',
      'http://kith.test/@alice',
      'http://kith.test/users/alice',
    ]) {
      const res = await app.inject({ url: finger(resource) })
      assert.equal(res.statusCode, 200, `${resource}: ${res.body}`)
      assert.match(String(res.headers['content-type']), /^application\/jrd\+json/)
      assert.equal(res.json().subject, 'acct:alice@kith.test')
      const profile = res.json().links.find((l: { rel: string }) => l.rel === 'http://webfinger.net/rel/profile-page')
      assert.equal(profile.href, 'http://kith.test/@alice')
    }
  })

  it('answers 404 for other domains and unknown, look-alike or unconfirmed accounts', async (t) => {
    const { app, given } = await buildTestApp(t)
    await given.account('bill')
    await given.account('pending', { confirmed: false })
    for (const resource of [
      'acct:bill@elsewhere.example',
      'acct:nobody@kith.test',
      'acct:bi1l@kith.test',
      'acct:pending@kith.test',
      'https://elsewhere.example/@bill',
    ]) {
      const res = await app.inject({ url: finger(resource) })
      assert.equal(res.statusCode, 404, resource)
      assert.equal(typeof res.json().error, 'string')
    }
  })

  it('answers 400 for a malformed or missing resource', async (t) => {
    const { app } = await buildTestApp(t)
    for (const resource of ['acct:', 'alice', 'acct:@kith.test', 'acct:alice@', 'http://[bad']) {
      const res = await app.inject({ url: finger(resource) })
      assert.equal(res.statusCode, 400, resource)
    }
    assert.equal((await app.inject({ url: '/.well-known/webfinger' })).statusCode, 400)
  })
})

describe('GET /.well-known/host-meta', () => {
  it('points to webfinger', async (t) => {
    const { app } = await buildTestApp(t)
    const res = await app.inject({ url: '/.well-known/host-meta' })
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /application\/xrd\+xml/)
    assert.match(res.body, /template="http:\/\/kith\.test\/\.well-known\/webfinger\?resource=\{uri\}"/)
  })
})

describe('GET /.well-known/nodeinfo', () => {
  it('links the nodeinfo documents, which count users and say whether sign-up is open', async (t) => {
    const { app, ctx, given } = await buildTestApp(t, { registration: 'invite' })
    await given.account('alice')
    const links = (await app.inject({ url: '/.well-known/nodeinfo' })).json().links
    const href = links.find((l: { rel: string }) => l.rel.endsWith('/schema/2.1')).href
    assert.equal(href, 'http://kith.test/nodeinfo/2.1')
    const res = await app.inject({ url: '/nodeinfo/2.1' })
    assert.equal(res.statusCode, 200)
    assert.match(
      String(res.headers['content-type']),
      /profile="http:\/\/nodeinfo\.diaspora\.software\/ns\/schema\/2\.1#"/,
    )
    const info = res.json()
    assert.equal(info.version, '2.1')
    assert.equal(info.software.name, 'kith')
    assert.deepEqual(info.usage.users, { total: 2, activeMonth: 2, activeHalfyear: 2 })
    assert.equal(info.openRegistrations, false)
    assert.equal(info.metadata.nodeName, 'Maple Street')
    const start = Date.now()
    ctx.clock.now = () => new Date(start + 31 * 86_400_000)
    const later = (await app.inject({ url: '/nodeinfo/2.0' })).json()
    assert.equal(later.version, '2.0')
    assert.deepEqual(later.usage.users, { total: 2, activeMonth: 0, activeHalfyear: 2 })
  })
})

describe('GET /.well-known/oauth-authorization-server', () => {
  it('describes the OAuth endpoints and scopes', async (t) => {
    const { app } = await buildTestApp(t)
    const res = await app.inject({ url: '/.well-known/oauth-authorization-server' })
    assert.equal(res.statusCode, 200)
    const meta = res.json()
    assert.equal(meta.token_endpoint, 'http://kith.test/oauth/token')
    assert.ok(meta.scopes_supported.includes('read:accounts'))
    assert.ok(meta.scopes_supported.includes('profile'))
    assert.deepEqual(meta.grant_types_supported, ['authorization_code', 'client_credentials', 'refresh_token'])
  })
})
