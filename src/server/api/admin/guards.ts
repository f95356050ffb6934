// Admin-tunable limits applied to routes other areas own, without touching their files:
// blocked IP ranges on sign-in (403), and per-action rate limits read live from site settings.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.ts'
import { ipPolicy } from '../../domain/filters/blocks.ts'
import { getSiteSettings, type RateLimitedAction } from '../../domain/site/site-settings.ts'
import { AppError } from '../../errors.ts'
import type { Api } from '../types.ts'

const SIGN_IN = new Set(['POST /api/kith/v1/auth/sign_in', 'POST /api/kith/v1/auth/two_factor', 'POST /oauth/token'])

/** Which tunable limit a route counts against (by its route pattern). */
// NOTE: messages arrive with the messaging issue; add its create route here.
export const RATE_LIMITED_ROUTES: Record<string, RateLimitedAction> = {
  'POST /api/v1/statuses': 'posting',
  'POST /api/v1/accounts/:id/follow': 'following',
  'POST /api/kith/v1/accounts/:id/friend_request': 'friend_requests',
  'POST /api/kith/v1/auth/sign_up': 'sign_ups',
  'POST /api/v1/accounts': 'sign_ups',
}

export function registerAdminGuards(api: Api, ctx: AppContext): void {
  api.addHook('onRequest', async (req) => {
    if (!SIGN_IN.has(`${req.method} ${req.routeOptions.url}`)) return
    if ((await ipPolicy(ctx, req.ip)) === 'no_access') {
      throw new AppError('forbidden', 'Sign-ins are not allowed from your network', { reason: 'ip_blocked' })
    }
  })

  if (ctx.config.bench) return
  const limiters = new Map<RateLimitedAction, (req: FastifyRequest, reply: FastifyReply) => Promise<void>>()
  const limiterFor = (action: RateLimitedAction) => {
    let hook = limiters.get(action)
    if (!hook) {
      const made = api.rateLimit({
        max: async () => (await getSiteSettings(ctx)).rate_limits[action].max,
        timeWindow: async () => (await getSiteSettings(ctx)).rate_limits[action].window_s * 1000,
        // Per person when signed in, per address otherwise (sign-ups).
        keyGenerator: (req) => `${action}:${req.viewer?.account.id ?? req.ip ?? 'local'}`,
      }) as unknown as (req: FastifyRequest, reply: FastifyReply) => Promise<void>
      hook = made
      limiters.set(action, hook)
    }
    return hook
  }
  api.addHook('preHandler', async function (req, reply) {
    const action = RATE_LIMITED_ROUTES[`${req.method} ${req.routeOptions.url}`]
    if (action) await limiterFor(action).call(this, req, reply)
  })
}
