// GET /.well-known/nodeinfo, /nodeinfo/2.0 and /nodeinfo/2.1 (https://nodeinfo.diaspora.software)
import { Type } from 'typebox'
import type { AppContext } from '../../context.ts'
import { getUsageStats, KITH_VERSION } from '../../domain/instance/instance.ts'
import type { Api } from '../types.ts'

const VERSIONS = ['2.0', '2.1'] as const

const Links = Type.Object({ links: Type.Array(Type.Object({ rel: Type.String(), href: Type.String() })) })
const NodeInfo = Type.Object({
  version: Type.String(),
  software: Type.Object({
    name: Type.String(),
    version: Type.String(),
    homepage: Type.Optional(Type.String()),
  }),
  protocols: Type.Array(Type.String()),
  services: Type.Object({ inbound: Type.Array(Type.String()), outbound: Type.Array(Type.String()) }),
  usage: Type.Object({
    users: Type.Object({ total: Type.Integer(), activeMonth: Type.Integer(), activeHalfyear: Type.Integer() }),
    localPosts: Type.Integer(),
  }),
  openRegistrations: Type.Boolean(),
  metadata: Type.Object({ nodeName: Type.String(), nodeDescription: Type.String() }),
})

export function registerNodeInfoRoutes(api: Api, ctx: AppContext): void {
  api.get('/.well-known/nodeinfo', { schema: { tags: ['well-known'], response: { 200: Links } } }, async () => ({
    links: VERSIONS.map((v) => ({
      rel: `http://nodeinfo.diaspora.software/ns/schema/${v}`,
      href: `${ctx.config.publicUrl}/nodeinfo/${v}`,
    })),
  }))

  for (const version of VERSIONS) {
    api.get(
      `/nodeinfo/${version}`,
      { schema: { tags: ['well-known'], response: { 200: NodeInfo } } },
      async (_req, reply) => {
        const stats = await getUsageStats(ctx)
        reply.type(`application/json; profile="http://nodeinfo.diaspora.software/ns/schema/${version}#"`)
        return {
          version,
          software: { name: 'kith', version: KITH_VERSION },
          // NOTE: empty until Kith federates; nodeinfo's schema wants one protocol, but claiming
          // ActivityPub would send crawlers to an inbox that does not exist.
          protocols: [],
          services: { inbound: [], outbound: [] },
          // TODO(posts issue): the local post count.
          usage: { users: stats.users, localPosts: 0 },
          openRegistrations: stats.openRegistrations,
          metadata: { nodeName: stats.name, nodeDescription: stats.description },
        }
      },
    )
  }
}
