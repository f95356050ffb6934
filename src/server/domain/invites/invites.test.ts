import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildTestContext } from '../../../../test/helpers.ts'
import type { AppError } from '../../errors.ts'
import { createInvite, findUsableInvite, inviteUrl, useInvite } from './invites.ts'

describe('invites', () => {
  it('is usable until its uses run out, and never past the cap', async (t) => {
    const ctx = await buildTestContext(t)
    const invite = await createInvite(ctx, { maxUses: 2 })
    assert.match(invite.code, /^[A-Za-z2-9]{12}$/)
    assert.equal(inviteUrl(ctx.config, invite.code), `http://kith.test/auth/sign_up?invite=${invite.code}`)
    const now = ctx.clock.now()
    assert.equal((await findUsableInvite(ctx.db, invite.code, now))?.id, invite.id)
    assert.equal(await useInvite(ctx.db, invite.id), true)
    assert.equal(await useInvite(ctx.db, invite.id), true)
    assert.equal(await findUsableInvite(ctx.db, invite.code, now), undefined)
    assert.equal(await useInvite(ctx.db, invite.id), false)
    const row = await ctx.db.selectFrom('invites').select('uses').where('id', '=', invite.id).executeTakeFirstOrThrow()
    assert.equal(row.uses, 2)
  })

  it('expires, and unknown codes find nothing', async (t) => {
    const ctx = await buildTestContext(t)
    const invite = await createInvite(ctx, { expiresInDays: 7 })
    const unlimited = await createInvite(ctx)
    assert.equal(invite.max_uses, null)
    const day = 86_400_000
    const now = ctx.clock.now().getTime()
    assert.ok(await findUsableInvite(ctx.db, invite.code, new Date(now + 6 * day)))
    assert.equal(await findUsableInvite(ctx.db, invite.code, new Date(now + 8 * day)), undefined)
    assert.ok(await findUsableInvite(ctx.db, unlimited.code, new Date(now + 3650 * day).toISOString()))
    assert.equal(await findUsableInvite(ctx.db, 'nope', new Date(now)), undefined)
    assert.equal(await findUsableInvite(ctx.db, '', new Date(now)), undefined)
  })

  it('refuses a cap or expiry out of range', async (t) => {
    const ctx = await buildTestContext(t)
    await assert.rejects(createInvite(ctx, { maxUses: 0, expiresInDays: 1.5 }), (err: AppError) => {
      assert.equal(err.code, 'validation_failed')
      assert.deepEqual(Object.keys(err.details ?? {}), ['max_uses', 'expires_in_days'])
      return true
    })
  })
})
