// POST /api/kith/v1/settings/two_factor/{setup,enable,disable}
import { Type } from 'typebox'
import type { AppContext } from '../../../../context.ts'
import { beginTwoFactorSetup, disableTwoFactor, enableTwoFactor } from '../../../../domain/auth/two-factor.ts'
import type { Api } from '../../../types.ts'

export function registerTwoFactorRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/kith/v1/settings/two_factor/setup',
    {
      schema: {
        tags: ['kith'],
        response: { 200: Type.Object({ secret: Type.String(), otpauth_uri: Type.String(), qr_svg: Type.String() }) },
      },
      config: { auth: 'session' },
    },
    async (req) => beginTwoFactorSetup(ctx, req.viewer!.user),
  )

  api.post(
    '/api/kith/v1/settings/two_factor/enable',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({ code: Type.String({ maxLength: 20 }) }),
        response: { 200: Type.Object({ recovery_codes: Type.Array(Type.String()) }) },
      },
      config: { auth: 'session', rateLimit: { max: 20, timeWindow: '10 minutes' } },
    },
    async (req) => ({ recovery_codes: await enableTwoFactor(ctx, req.viewer!.user, req.body.code) }),
  )

  api.post(
    '/api/kith/v1/settings/two_factor/disable',
    {
      schema: {
        tags: ['kith'],
        body: Type.Object({ password: Type.String({ maxLength: 256 }) }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
      config: { auth: 'session', rateLimit: { max: 10, timeWindow: '10 minutes' } },
    },
    async (req) => {
      await disableTwoFactor(ctx, req.viewer!.user, req.body.password)
      return { ok: true }
    },
  )
}
