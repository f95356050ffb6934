import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildThreads } from './comment-threads.ts'
import { applyReaction, patchStatus, type Status, topReactions } from './post-model.ts'

function status(id: string, fields: Partial<Status> = {}): Status {
  return {
    id,
    in_reply_to_id: null,
    favourites_count: 0,
    reblog: null,
    quote: null,
    kith: { visibility: 'public', reactions: [], my_reaction: null, thread_id: id },
    ...fields,
  } as Status
}

describe('applyReaction', () => {
  it('adds, switches and takes back the reader’s reaction, keeping the counts', () => {
    const start = status('1', {
      favourites_count: 2,
      kith: {
        visibility: 'public',
        reactions: [{ name: 'like', count: 2, me: false }],
        my_reaction: null,
        thread_id: '1',
      },
    })
    const loved = { ...start, ...applyReaction(start, 'love') }
    assert.equal(loved.favourites_count, 3)
    assert.equal(loved.favourited, true)
    assert.deepEqual(loved.kith.reactions, [
      { name: 'like', count: 2, me: false },
      { name: 'love', count: 1, me: true },
    ])
    const switched = { ...loved, ...applyReaction(loved, 'like') }
    assert.equal(switched.favourites_count, 3)
    assert.deepEqual(switched.kith.reactions, [{ name: 'like', count: 3, me: true }])
    const back = { ...switched, ...applyReaction(switched, null) }
    assert.equal(back.favourites_count, 2)
    assert.equal(back.kith.my_reaction, null)
    assert.deepEqual(back.kith.reactions, [{ name: 'like', count: 2, me: false }])
  })

  it('orders the summary icons by how many people chose them', () => {
    const s = status('1', {
      kith: {
        visibility: 'public',
        reactions: [
          { name: 'like', count: 1, me: false },
          { name: 'haha', count: 4, me: false },
          { name: 'sad', count: 2, me: false },
          { name: 'wow', count: 1, me: false },
        ],
        my_reaction: null,
        thread_id: '1',
      },
    })
    assert.deepEqual(topReactions(s), ['haha', 'sad', 'like'])
  })
})

describe('patchStatus', () => {
  it('changes the post wherever it appears: itself, inside a share, inside a quote', () => {
    const original = status('5')
    const share = status('9', { reblog: original as Status['reblog'] })
    const quoting = status('7', { quote: { state: 'accepted', quoted_status: original } })
    const patch = () => ({ bookmarked: true })
    assert.equal(patchStatus(original, '5', patch).bookmarked, true)
    assert.equal(patchStatus(share, '5', patch).reblog?.bookmarked, true)
    assert.equal(patchStatus(share, '5', patch).bookmarked, undefined)
    assert.equal(patchStatus(quoting, '5', patch).quote?.quoted_status?.bookmarked, true)
    assert.equal(patchStatus(quoting, '6', patch), quoting, 'untouched statuses keep their identity')
  })
})

describe('buildThreads', () => {
  it('puts comments in order with every reply, at any depth, under its comment', () => {
    const root = '100'
    const all = [
      status('110', { in_reply_to_id: root }),
      status('111', { in_reply_to_id: '110' }),
      status('113', { in_reply_to_id: '111' }),
      status('99999', { in_reply_to_id: root }),
      status('112', { in_reply_to_id: root }),
      status('120', { in_reply_to_id: 'gone' }),
    ]
    const { threads } = buildThreads(root, all)
    assert.deepEqual(
      threads.map((t) => [t.comment.id, t.replies.map((r) => r.id)]),
      [
        ['110', ['111', '113']],
        ['112', []],
        ['99999', []],
      ],
    )
  })
})
