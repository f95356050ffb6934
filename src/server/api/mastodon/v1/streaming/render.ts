// Turning one bus message into what each open socket receives, checked at delivery time: a status
// only for readers who may see it now (findVisiblePost, then their mutes), a notification only if
// it still passes the notification rules. Work is shared per message: one visibility pass for all
// readers on this instance, one anonymous rendering for public and hashtag streams (as Mastodon
// renders those), one rendering per reader for their own streams.
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { TSchema } from 'typebox'
import { Conversation, Notification } from '#shared/mastodon-notifications.ts'
import { Status } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../../context.ts'
import type { AccountRow, PostRow } from '../../../../db/schema.ts'
import type { Viewer } from '../../../../domain/auth/viewer.ts'
import { getNotification } from '../../../../domain/notifications/list-notifications.ts'
import { resolveTypes } from '../../../../domain/notifications/types.ts'
import { findAccountsByIds } from '../../../../domain/posts/hydrate-store.ts'
import { visibleReceivers } from '../../../../domain/streaming/stream-visibility.ts'
import type { Channel, NotificationEvent, TimelineEvent } from '../../../../pubsub/channels.ts'
import { presentAccounts } from '../../present/accounts.ts'
import { presentStatuses } from '../../present/statuses.ts'
import { presentNotifications } from '../notifications/present.ts'

/** The serialized payload (Mastodon sends each entity as a JSON string), or null: nothing to send. */
export type Rendered = { payload: string | undefined; hasMedia: boolean } | null
export type Receiver = { viewer: Viewer | null; kith: boolean }

// The same serializers as the REST responses, so a socket never carries a field the API would strip.
const select = SerializerSelector()(undefined, {})
const serializers = new Map<TSchema, (data: unknown) => string>()
function serialize(schema: TSchema, data: unknown, compileOnly = false): string {
  let fn = serializers.get(schema)
  if (!fn) {
    fn = select({ schema, method: 'GET', url: '/stream', httpStatus: '200' } as never) as (d: unknown) => string
    serializers.set(schema, fn)
  }
  return compileOnly ? '' : fn(data)
}

/** Compiling the Status serializer takes about a second: done once, when the first socket opens, not on the first event. */
let warmed = false
export function warmSerializers(): void {
  if (warmed) return
  warmed = true
  setImmediate(() => {
    for (const schema of [Status, Notification, Conversation]) serialize(schema, undefined, true)
  })
}

const isPersonal = (channel: Channel) => channel.startsWith('timeline:home:') || channel.startsWith('timeline:direct:')

export function prepareDelivery(
  ctx: AppContext,
  channel: Channel,
  message: TimelineEvent | NotificationEvent,
  receivers: readonly Receiver[],
): (r: Receiver) => Promise<Rendered> {
  if (message.event === 'delete') {
    const rendered: Rendered = { payload: message.id, hasMedia: false }
    return async () => rendered
  }
  if (message.event === 'filters_changed') return async () => ({ payload: undefined, hasMedia: false })
  const id = message.id
  const once = new Map<string, Promise<Rendered>>()
  const memo = (key: string, fn: () => Promise<Rendered>) => {
    const known = once.get(key)
    if (known) return known
    const p = fn()
    once.set(key, p)
    return p
  }

  if (message.event === 'notification') {
    return (r) => {
      if (!r.viewer) return Promise.resolve(null)
      const viewer = r.viewer
      return memo(`${viewer.account.id}|${r.kith}`, async () => {
        const { row, view } = await getNotification(ctx, viewer.account.id, id, { kith: r.kith }).catch(() => ({
          row: null,
          view: null,
        }))
        // Kinds a Mastodon client does not know (friend requests) reach only Kith-aware sockets.
        if (!row || !view || !resolveTypes({ kith: r.kith }).kinds.some((k) => k === row.type)) return null
        const [entity] = await presentNotifications(ctx, viewer, [row], view)
        return entity ? { payload: serialize(Notification, entity), hasMedia: false } : null
      })
    }
  }

  const nowIso = ctx.clock.now().toISOString()
  const visible = visibleReceivers(
    ctx.db,
    id,
    receivers.map((r) => r.viewer?.account.id ?? null),
    nowIso,
  )
  const status = async (post: PostRow, viewer: Viewer | null): Promise<Rendered> => {
    const [entity] = await presentStatuses(ctx, viewer, [post])
    if (!entity) return null
    const media = (entity.reblog ?? entity).media_attachments.length > 0
    return { payload: serialize(Status, entity), hasMedia: media }
  }
  return async (r) => {
    const rid = r.viewer?.account.id ?? null
    const { post, allowed } = await visible
    if (!post || !allowed.has(rid)) return null
    if (message.event === 'conversation') {
      if (!r.viewer) return null
      return memo(`c|${rid}`, () => conversation(ctx, post, r.viewer!))
    }
    // Public and hashtag streams get the anonymous rendering, as on Mastodon; own streams are personal.
    if (!isPersonal(channel)) return memo('anonymous', () => status(post, null))
    return memo(`s|${rid}`, () => status(post, r.viewer))
  }
}

async function conversation(ctx: AppContext, post: PostRow, viewer: Viewer): Promise<Rendered> {
  const mentioned = await ctx.db
    .selectFrom('post_mentions')
    .select('account_id')
    .where('post_id', '=', post.id)
    .execute()
  const others = [post.account_id, ...mentioned.map((m) => m.account_id)].filter((a) => a !== viewer.account.id)
  const rows = await findAccountsByIds(ctx.db, [...new Set(others)])
  const [accounts, [lastStatus]] = await Promise.all([
    presentAccounts(ctx, viewer, [...rows.values()] as AccountRow[]),
    presentStatuses(ctx, viewer, [post]),
  ])
  const entity = {
    id: post.thread_id,
    unread: post.account_id !== viewer.account.id,
    accounts,
    last_status: lastStatus ?? null,
  }
  return { payload: serialize(Conversation, entity), hasMedia: false }
}
