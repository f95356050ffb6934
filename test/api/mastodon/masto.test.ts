// The real client library (masto.js 8) against Kith over HTTP: does a Mastodon app work unchanged?
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import { createOAuthAPIClient, createRestAPIClient, MastoHttpError } from 'masto'
import { confirmEmail } from '#server/domain/auth/confirm-email.ts'
import { createRule } from '#server/domain/instance/rules.ts'
import { buildTestApp, lastMailToken, PASSWORD } from '../../helpers.ts'

const OOB = 'urn:ietf:wg:oauth:2.0:oob'

describe('masto.js against Kith', () => {
  it('registers an app, signs someone up, verifies them once confirmed, and reads the instance', async (t) => {
    const { app, ctx } = await buildTestApp(t)
    await createRule(ctx, { text: 'Be kind' })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

    const anonymous = createRestAPIClient({ url })
    const client = await anonymous.v1.apps.create({ clientName: 'Masto test', redirectUris: OOB, scopes: 'read write' })
    assert.ok(client.clientId && client.clientSecret)
    assert.deepEqual(client.scopes, ['read', 'write'])

    const oauth = createOAuthAPIClient({ url })
    const appToken = await oauth.token.create({
      grantType: 'client_credentials',
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: OOB,
      scope: 'read write',
    })
    assert.equal(appToken.tokenType, 'Bearer')
    const asApp = createRestAPIClient({ url, accessToken: appToken.accessToken })
    assert.equal((await asApp.v1.apps.verifyCredentials()).name, 'Masto test')

    // masto.js sends this one as multipart/form-data.
    const userToken = await asApp.v1.accounts.create({
      username: 'bea',
      email: 'bea@example.com',
      password: PASSWORD,
      agreement: true,
      locale: 'en',
    })
    assert.equal(userToken.scope, 'read write')
    const asBea = createRestAPIClient({ url, accessToken: userToken.accessToken })
    await assert.rejects(asBea.v1.accounts.verifyCredentials(), (err) => {
      assert.ok(err instanceof MastoHttpError)
      assert.equal(err.statusCode, 403)
      return true
    })

    await confirmEmail(ctx, await lastMailToken(ctx, 'bea@example.com'))
    const me = await asBea.v1.accounts.verifyCredentials()
    assert.equal(me.username, 'bea')
    assert.equal(me.acct, 'bea')
    assert.equal(me.displayName, 'bea')
    assert.equal(me.source.privacy, 'public')
    assert.equal(me.followersCount, 0)

    const v1 = await anonymous.v1.instance.fetch()
    assert.equal(v1.title, 'Maple Street')
    assert.equal(v1.rules?.[0]?.text, 'Be kind')
    const v2 = await anonymous.v2.instance.fetch()
    assert.equal(v2.domain, 'kith.test')
    assert.equal(v2.configuration.statuses.maxCharacters, 5000)
    assert.equal(v2.registrations.enabled, true)
    assert.equal(v2.contact.account?.username, 'owner')

    await oauth.revoke({ clientId: client.clientId, clientSecret: client.clientSecret, token: userToken.accessToken })
    await assert.rejects(asBea.v1.accounts.verifyCredentials(), (err) => err instanceof MastoHttpError)
  })
})
