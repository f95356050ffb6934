import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildTestApp, countRows } from '../../../helpers.ts'
import { call } from './statuses/post-helpers.ts'

describe('GET and POST /api/v1/markers', () => {
  it('saves read positions per timeline, with a version that moves only when the position does', async (t) => {
    const { app, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    assert.deepEqual((await call(app, ana, 'GET', '/api/v1/markers?timeline[]=home')).json(), {})

    const first = (await call(app, ana, 'POST', '/api/v1/markers', 200, { home: { last_read_id: '1001' } })).json()
    assert.deepEqual(Object.keys(first), ['home'])
    assert.equal(first.home.last_read_id, '1001')
    assert.equal(first.home.version, 0)
    const moved = (await call(app, ana, 'POST', '/api/v1/markers', 200, { home: { last_read_id: '1002' } })).json()
    assert.equal(moved.home.version, 1)
    const same = (await call(app, ana, 'POST', '/api/v1/markers', 200, { home: { last_read_id: '1002' } })).json()
    assert.equal(same.home.version, 1, 'unchanged')

    // Rails-style nested form keys, as Mastodon clients send them.
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/markers',
      headers: { ...ana.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'home[last_read_id]=1003&notifications[last_read_id]=77',
    })
    assert.equal(form.statusCode, 200, form.body)
    assert.equal(form.json().home.version, 2)
    assert.equal(form.json().notifications.last_read_id, '77')

    const both = (await call(app, ana, 'GET', '/api/v1/markers?timeline[]=home&timeline[]=notifications')).json()
    assert.deepEqual(
      [both.home.last_read_id, both.notifications.last_read_id, both.notifications.version],
      ['1003', '77', 0],
    )
    assert.deepEqual(Object.keys((await call(app, ana, 'GET', '/api/v1/markers?timeline=notifications')).json()), [
      'notifications',
    ])
    assert.deepEqual(Object.keys((await call(app, ana, 'GET', '/api/v1/markers?timeline[]=lists')).json()), [])
    assert.deepEqual((await call(app, ben, 'GET', '/api/v1/markers')).json(), {}, 'each person has their own')
  })

  it('refuses an empty or malformed position, changing nothing, and needs a signed-in person', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const reader = await given.account('ben', { scopes: 'read' })
    await call(app, ana, 'POST', '/api/v1/markers', 422, {})
    await call(app, ana, 'POST', '/api/v1/markers', 422, { last_read_id: '5' })
    await call(app, ana, 'POST', '/api/v1/markers', 400, { home: { last_read_id: 'latest' } })
    await call(app, ana, 'POST', '/api/v1/markers', 400, { home: {} })
    await call(app, reader, 'POST', '/api/v1/markers', 403, { home: { last_read_id: '5' } })
    await call(app, null, 'POST', '/api/v1/markers', 401, { home: { last_read_id: '5' } })
    await call(app, null, 'GET', '/api/v1/markers', 401)
    assert.equal((await countRows(ctx, ['markers'])).markers, 0)
  })
})
