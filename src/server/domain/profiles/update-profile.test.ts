import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkBirthday } from './update-profile.ts'

describe('checkBirthday', () => {
  const now = new Date('2026-11-29T10:00:00Z')
  it('accepts real past dates and refuses the rest', () => {
    assert.equal(checkBirthday('1990-04-05', now), null)
    assert.equal(checkBirthday('2000-02-29', now), null, 'a leap day')
    assert.equal(checkBirthday('2026-11-28', now), null)
    assert.match(checkBirthday('2026-11-29', now)!, /past/)
    assert.match(checkBirthday('2001-02-29', now)!, /real date/)
    assert.match(checkBirthday('1990-13-01', now)!, /real date/)
    assert.match(checkBirthday('1899-12-31', now)!, /long ago/)
    assert.match(checkBirthday('1990-4-5', now)!, /YYYY-MM-DD/)
  })
})
