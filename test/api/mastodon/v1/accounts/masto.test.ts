// masto.js 8, unchanged, driving the profile and graph endpoints over HTTP.
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import { createRestAPIClient } from 'masto'
import sharp from 'sharp'
import { buildTestApp } from '../../../../helpers.ts'

describe('masto.js: profiles and the social graph', () => {
  it('edits a profile, follows, lists, mutes and blocks as a Mastodon app does', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ann = await given.account('ann')
    const ben = await given.account('ben')
    await app.listen({ port: 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const asAnn = createRestAPIClient({ url, accessToken: ann.token })
    const asBen = createRestAPIClient({ url, accessToken: ben.token })

    const avatar = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#48c' } })
      .png()
      .toBuffer()
    const me = await asAnn.v1.accounts.updateCredentials({
      displayName: 'Ann',
      note: 'Hello #kith',
      locked: true,
      avatar: new Blob([new Uint8Array(avatar)], { type: 'image/png' }),
      fieldsAttributes: [{ name: 'Town', value: 'Leeds' }],
    })
    assert.equal(me.displayName, 'Ann')
    assert.equal(me.locked, true)
    assert.match(me.avatar, /\/media\/avatars\//)
    assert.deepEqual(
      me.fields.map((f) => f.name),
      ['Town'],
    )

    const asked = await asBen.v1.accounts.$select(ann.account.id).follow({ reblogs: false })
    assert.equal(asked.requested, true)
    const requests = await asAnn.v1.followRequests.list()
    assert.deepEqual(
      requests.map((a) => a.username),
      ['ben'],
    )
    await asAnn.v1.followRequests.$select(ben.account.id).authorize()
    const [rel] = await asBen.v1.accounts.relationships.fetch({ id: [ann.account.id] })
    assert.deepEqual([rel!.following, rel!.showingReblogs], [true, false])
    const followers = await asBen.v1.accounts.$select(ann.account.id).followers.list()
    assert.deepEqual(
      followers.map((a) => a.username),
      ['ben'],
    )
    assert.equal((await asBen.v1.accounts.lookup({ acct: 'ann' })).id, ann.account.id)

    const muted = await asAnn.v1.accounts.$select(ben.account.id).mute({ duration: 60, notifications: false })
    assert.deepEqual([muted.muting, muted.mutingNotifications], [true, false])
    assert.equal((await asAnn.v1.mutes.list()).length, 1)
    const blocked = await asAnn.v1.accounts.$select(ben.account.id).block()
    assert.deepEqual([blocked.blocking, blocked.followedBy], [true, false])
    assert.deepEqual(
      (await asAnn.v1.blocks.list()).map((a) => a.username),
      ['ben'],
    )
    await asAnn.v1.accounts.$select(ben.account.id).unblock()
    assert.deepEqual(await asAnn.v2.suggestions.list(), [])
  })
})
