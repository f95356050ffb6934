// GET /api/kith/v1/site and POST /api/kith/v1/setup
import { Type } from 'typebox'
import type { AppContext } from '../../../context.ts'
import { SESSION_MAX_AGE_S, startSession } from '../../../domain/auth/sessions.ts'
import { completeSetup } from '../../../domain/site/setup.ts'
import { getSiteSettings, isSetupRequired, LOCALES, PASSWORD_MIN_LENGTH } from '../../../domain/site/site-settings.ts'
import { clientMeta, setSessionCookie } from '../../auth.ts'
import type { Api } from '../../types.ts'
import { CurrentUser, presentCurrentUser } from '../present/current-user.ts'

const RegistrationMode = Type.Union([
  Type.Literal('open'),
  Type.Literal('approval'),
  Type.Literal('invite'),
  Type.Literal('closed'),
])

const Site = Type.Object({
  setup_required: Type.Boolean(),
  name: Type.String(),
  description: Type.String(),
  registration_mode: RegistrationMode,
  brand_color: Type.String(),
  logo_url: Type.Union([Type.String(), Type.Null()]),
  default_locale: Type.String(),
  locales: Type.Array(Type.String()),
  password_min_length: Type.Integer(),
})

const SetupBody = Type.Object({
  site_name: Type.String({ minLength: 1, maxLength: 60 }),
  description: Type.String({ maxLength: 500, default: '' }),
  registration_mode: RegistrationMode,
  username: Type.String({ maxLength: 30 }),
  email: Type.String({ maxLength: 254 }),
  password: Type.String({ maxLength: 256 }),
})

export function registerSiteRoutes(api: Api, ctx: AppContext): void {
  api.get('/api/kith/v1/site', { schema: { tags: ['kith'], response: { 200: Site } } }, async () => {
    const s = await getSiteSettings(ctx)
    return {
      setup_required: isSetupRequired(s),
      name: s.name,
      description: s.description,
      registration_mode: s.registration_mode,
      brand_color: s.brand_color,
      logo_url: s.logo_url,
      default_locale: s.default_locale,
      locales: [...LOCALES],
      password_min_length: PASSWORD_MIN_LENGTH,
    }
  })

  api.post(
    '/api/kith/v1/setup',
    {
      schema: { tags: ['kith'], body: SetupBody, response: { 200: Type.Object({ user: CurrentUser }) } },
      config: { rateLimit: { max: 20, timeWindow: '10 minutes' } },
    },
    async (req, reply) => {
      const b = req.body
      const { user, account } = await completeSetup(ctx, {
        siteName: b.site_name,
        description: b.description,
        registrationMode: b.registration_mode,
        username: b.username,
        email: b.email,
        password: b.password,
      })
      const { token } = await startSession(ctx, user, clientMeta(req))
      setSessionCookie(ctx, reply, token, SESSION_MAX_AGE_S)
      return { user: presentCurrentUser(user, account) }
    },
  )
}
