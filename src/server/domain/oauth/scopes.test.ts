import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { describeBadScopes, parseScopes, SCOPES, scopesWithin } from './scopes.ts'

describe('parseScopes', () => {
  it('splits on spaces or pluses, drops duplicates and defaults to read', () => {
    assert.deepEqual(parseScopes('read  write+read'), ['read', 'write'])
    assert.deepEqual(parseScopes(''), ['read'])
    assert.deepEqual(parseScopes(undefined), ['read'])
    assert.deepEqual(parseScopes('admin:read:reports profile'), ['admin:read:reports', 'profile'])
  })

  it('refuses unknown or over-long scope strings', () => {
    assert.equal(parseScopes('read crypto'), null)
    assert.equal(parseScopes('admin'), null)
    assert.equal(parseScopes('read:everything'), null)
    assert.equal(parseScopes('read '.repeat(300)), null)
    assert.match(describeBadScopes('read crypto admin'), /unknown scopes: crypto, admin$/)
  })

  it('knows Mastodon 4.3’s scopes', () => {
    for (const s of ['read', 'write', 'follow', 'push', 'profile', 'read:accounts', 'write:conversations']) {
      assert.ok(SCOPES.includes(s), s)
    }
    assert.ok(SCOPES.includes('admin:write:canonical_email_blocks'))
  })
})

describe('scopesWithin', () => {
  it('lets a broad scope cover its granular ones, and not the other way', () => {
    assert.ok(scopesWithin(['read:accounts', 'write:statuses'], ['read', 'write']))
    assert.ok(scopesWithin(['read:follows'], ['follow']))
    assert.ok(scopesWithin(['admin:read:reports'], ['admin:read']))
    assert.ok(!scopesWithin(['read'], ['read:accounts']))
    assert.ok(!scopesWithin(['profile'], ['read']))
    assert.ok(!scopesWithin(['admin:read'], ['read']))
  })
})
