import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildTestApp, PASSWORD } from '../../../../test/helpers.ts'
import type { AppError } from '../../errors.ts'
import { checkPasswordStrength, verifyPassword } from '../auth/passwords.ts'
import {
  approveUser,
  changeUserRole,
  confirmUserEmail,
  createUserAsOperator,
  generatePassword,
  requireUserByUsername,
  resetUserPassword,
} from './manage-users.ts'

const code = (c: string) => (err: AppError) => err.code === c

describe('manage users', () => {
  it('creates approved, confirmed accounts, reserved names allowed; unconfirmed on request', async (t) => {
    const { ctx } = await buildTestApp(t)
    const staff = await createUserAsOperator(ctx, {
      username: 'support',
      email: 'support@example.com',
      password: PASSWORD,
      role: 'moderator',
    })
    assert.equal(staff.user.role, 'moderator')
    assert.ok(staff.user.confirmed_at)
    assert.equal(staff.user.approved, 1)
    const later = await createUserAsOperator(ctx, {
      username: 'dana',
      email: 'dana@example.com',
      password: PASSWORD,
      confirmed: false,
    })
    assert.equal(later.user.confirmed_at, null)
    assert.equal(later.user.role, 'user')
  })

  it('finds people by exact username only, in any case', async (t) => {
    const { ctx, given } = await buildTestApp(t)
    await given.account('bill')
    assert.equal((await requireUserByUsername(ctx.db, '@BILL')).account.username, 'bill')
    await assert.rejects(requireUserByUsername(ctx.db, 'bi1l'), code('not_found'))
  })

  it('changes roles but never demotes the last owner', async (t) => {
    const { ctx, given } = await buildTestApp(t)
    await given.account('alice')
    const r = await changeUserRole(ctx, 'alice', 'admin')
    assert.deepEqual([r.previousRole, r.user.role], ['user', 'admin'])
    await assert.rejects(changeUserRole(ctx, 'owner', 'admin'), code('conflict'))
    await createUserAsOperator(ctx, { username: 'second', email: 's@example.com', password: PASSWORD, role: 'owner' })
    assert.equal((await changeUserRole(ctx, 'owner', 'user')).user.role, 'user')
    await assert.rejects(changeUserRole(ctx, 'second', 'user'), code('conflict'))
  })

  it('resets a password and signs the person out everywhere', async (t) => {
    const { ctx, given } = await buildTestApp(t)
    const alice = await given.account('alice')
    const other = await given.account('other')
    await assert.rejects(resetUserPassword(ctx, 'alice', 'alice12345'), code('validation_failed'))
    const { password, generated } = await resetUserPassword(ctx, 'alice')
    assert.ok(generated)
    const user = (await requireUserByUsername(ctx.db, 'alice')).user
    assert.ok(await verifyPassword(user.password_hash, password))
    assert.ok(!(await verifyPassword(user.password_hash, PASSWORD)))
    const live = async (table: 'sessions' | 'oauth_tokens', userId: string) =>
      (
        await ctx.db
          .selectFrom(table)
          .select('id')
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .execute()
      ).length
    assert.equal(await live('sessions', alice.user.id), 0)
    assert.equal(await live('oauth_tokens', alice.user.id), 0)
    assert.equal(await live('sessions', other.user.id), 1)
    assert.equal(await live('oauth_tokens', other.user.id), 1)
  })

  it('confirms an email and approves a sign-up, once', async (t) => {
    const { ctx, given } = await buildTestApp(t)
    await given.account('erin', { confirmed: false, approved: false })
    assert.equal((await confirmUserEmail(ctx, 'erin')).changed, true)
    assert.equal((await confirmUserEmail(ctx, 'erin')).changed, false)
    assert.equal((await approveUser(ctx, 'erin')).changed, true)
    const { user } = await approveUser(ctx, 'erin')
    assert.equal(user.approved, 1)
    assert.ok(user.confirmed_at)
  })

  it('generates readable 100-bit passwords that pass the strength check', () => {
    const p = generatePassword()
    assert.match(p, /^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/)
    assert.notEqual(p, generatePassword())
    for (let i = 0; i < 20; i++) assert.equal(checkPasswordStrength(generatePassword(), ['alice']), null)
  })
})
