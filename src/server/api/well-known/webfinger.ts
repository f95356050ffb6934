// GET /.well-known/webfinger and /.well-known/host-meta (RFC 7033, RFC 6415)
import { Type } from 'typebox'
import type { AppContext } from '../../context.ts'
import { findAccountByResource } from '../../domain/instance/webfinger.ts'
import type { Api } from '../types.ts'

const Jrd = Type.Object({
  subject: Type.String(),
  aliases: Type.Array(Type.String()),
  links: Type.Array(
    Type.Object({
      rel: Type.String(),
      type: Type.Optional(Type.String()),
      href: Type.Optional(Type.String()),
      template: Type.Optional(Type.String()),
    }),
  ),
})

export function registerWebfingerRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/.well-known/webfinger',
    {
      schema: {
        tags: ['well-known'],
        querystring: Type.Object({ resource: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: Jrd },
      },
    },
    async (req, reply) => {
      const account = await findAccountByResource(ctx, req.query.resource)
      const profile = `${ctx.config.publicUrl}/@${account.username}`
      reply.type('application/jrd+json; charset=utf-8').header('cache-control', 'max-age=259200, public')
      // NOTE: no `self` (ActivityPub actor) link: Kith does not federate yet.
      return {
        subject: `acct:${account.username}@${ctx.config.domain}`,
        aliases: [profile],
        links: [{ rel: 'http://webfinger.net/rel/profile-page', type: 'text/html', href: profile }],
      }
    },
  )

  api.get('/.well-known/host-meta', { schema: { tags: ['well-known'] } }, async (_req, reply) => {
    const template = `${ctx.config.publicUrl}/.well-known/webfinger?resource={uri}`
    return reply
      .type('application/xrd+xml; charset=utf-8')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">\n` +
          `  <Link rel="lrdd" template="${template}"/>\n</XRD>\n`,
      )
  })
}
