import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Account } from '#shared/mastodon-entities.ts'
import { appendOlder, matchesFilter, maxId, mergeNewer, type NotificationItem, newerId } from './notification-model.ts'

const person = (id: string) => ({ id, username: `u${id}`, display_name: '' }) as Account

function item(key: string, latestId: string, count = 1, who = ['a']): NotificationItem {
  return { key, kind: 'kith:reaction', count, accounts: who.map(person), latestId, at: '' }
}

describe('notification ids', () => {
  it('compares by length first, as snowflakes grow a digit', () => {
    assert.equal(newerId('100', '99'), true)
    assert.equal(newerId('99', '100'), false)
    assert.equal(maxId(['99', '117', '100']), '117')
    assert.equal(maxId([]), null)
  })
})

describe('mergeNewer', () => {
  it('moves a group up with the new reaction counted and its person first', () => {
    const list = [item('g2', '20', 1, ['b']), item('g1', '10', 2, ['a', 'c'])]
    const out = mergeNewer(list, [item('g1', '30', 1, ['d'])])
    assert.deepEqual(
      out.map((i) => [i.key, i.latestId, i.count, i.accounts.map((a) => a.id).join('')]),
      [
        ['g1', '30', 3, 'dac'],
        ['g2', '20', 1, 'b'],
      ],
    )
  })

  it('ignores what it already has (a resync after a live event)', () => {
    const list = [item('g1', '30', 3)]
    assert.equal(mergeNewer(list, [item('g1', '30', 1)]), list)
  })
})

describe('appendOlder', () => {
  it('joins a group that continues on the next page, keeping its place', () => {
    const out = appendOlder(
      [item('g1', '30', 2, ['a']), item('g2', '20')],
      [item('g1', '5', 4, ['b']), item('g3', '4')],
    )
    assert.deepEqual(
      out.map((i) => [i.key, i.latestId, i.count]),
      [
        ['g1', '30', 6],
        ['g2', '20', 1],
        ['g3', '4', 1],
      ],
    )
  })
})

describe('matchesFilter', () => {
  it('puts comments, replies, mentions and quotes under Comments, friends and follows under Friends', () => {
    assert.equal(matchesFilter('kith:comment', 'comments'), true)
    assert.equal(matchesFilter('kith:reaction', 'comments'), false)
    assert.equal(matchesFilter('kith:friend_request', 'people'), true)
    assert.equal(matchesFilter('update', 'all'), true)
  })
})
