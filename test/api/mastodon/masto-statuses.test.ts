// masto.js 8 posting, replying and paging through the home timeline against Kith over HTTP.
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { describe, it } from 'node:test'
import { createRestAPIClient } from 'masto'
import { followAccount } from '#server/domain/graph/follow.ts'
import { buildTestApp } from '../../helpers.ts'

describe('masto.js statuses and timelines', () => {
  it('posts, replies, reads a status and its context, and pages the home timeline', async (t) => {
    const { app, ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const ben = await given.account('ben')
    await followAccount(ctx, ben.account, ana.account.id)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    const asAna = createRestAPIClient({ url, accessToken: ana.token })
    const asBen = createRestAPIClient({ url, accessToken: ben.token })

    const posted: string[] = []
    for (let i = 0; i < 12; i++) {
      const s = await asAna.v1.statuses.create({ status: `Garden update ${i} #allotment`, visibility: 'public' })
      posted.push(s.id)
    }
    const reply = await asBen.v1.statuses.create({ status: 'Lovely beans!', inReplyToId: posted[0] })
    assert.equal(reply.inReplyToId, posted[0])
    const context = await asAna.v1.statuses.$select(posted[0]!).context.fetch()
    assert.deepEqual(
      context.descendants.map((s) => s.id),
      [reply.id],
    )
    const one = await asBen.v1.statuses.$select(posted[3]!).fetch()
    assert.equal(one.account.username, 'ana')
    assert.deepEqual(
      one.tags.map((tag) => tag.name),
      ['allotment'],
    )

    // Paging through Link headers, as apps do: 5 per page, newest first, no repeats, nothing lost.
    const seen: string[] = []
    for await (const page of asBen.v1.timelines.home.list({ limit: 5 })) {
      seen.push(...page.map((s) => s.id))
      if (page.length === 0 || seen.length > 40) break
    }
    assert.deepEqual(seen, [...posted].reverse())
    const tag = await asBen.v1.timelines.tag.$select('allotment').list({ limit: 3 })
    assert.equal(tag.length, 3)

    await asAna.v1.statuses.$select(posted[11]!).remove()
    const first = await asBen.v1.timelines.home.list({ limit: 1 })
    assert.equal(first[0]?.id, posted[10])
  })
})
