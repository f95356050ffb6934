import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { resolveTypes } from './types.ts'

describe('resolveTypes: Kith kinds as Mastodon types', () => {
  it('shows Mastodon types by default and leaves out kinds Mastodon has no type for', () => {
    const view = resolveTypes({})
    assert.equal(view.present('kith:comment'), 'mention')
    assert.equal(view.present('kith:reaction'), 'favourite')
    assert.equal(view.present('quote'), 'mention')
    assert.ok(!view.kinds.includes('kith:friend_request'))
    assert.ok(!view.kinds.includes('kith:friend_accepted'))
    assert.ok(view.kinds.includes('kith:reply'))
  })

  it('gives a kind named in types[] under its own name, and everything so with kith', () => {
    const named = resolveTypes({ types: ['kith:friend_request', 'mention'] })
    assert.deepEqual(named.kinds.sort(), ['kith:comment', 'kith:friend_request', 'kith:reply', 'mention', 'quote'])
    assert.equal(named.present('kith:friend_request'), 'kith:friend_request')
    assert.equal(named.present('kith:comment'), 'mention')
    const kith = resolveTypes({ kith: true })
    assert.equal(kith.kinds.length, 13)
    assert.equal(kith.present('kith:reaction'), 'kith:reaction')
  })

  it('excludes by Mastodon type or by kind', () => {
    assert.ok(!resolveTypes({ excludeTypes: ['favourite'] }).kinds.includes('kith:reaction'))
    const noComments = resolveTypes({ excludeTypes: ['kith:comment'] }).kinds
    assert.ok(!noComments.includes('kith:comment') && noComments.includes('mention'))
  })

  it('groups reactions, shares and follows unless grouped_types leaves them out', () => {
    const all = resolveTypes({})
    assert.deepEqual(
      ['kith:reaction', 'reblog', 'follow', 'mention'].map((k) => all.grouped(k)),
      [true, true, true, false],
    )
    const some = resolveTypes({ groupedTypes: ['favourite'] })
    assert.deepEqual(
      ['kith:reaction', 'reblog', 'follow'].map((k) => some.grouped(k)),
      [true, false, false],
    )
  })
})
