// Mastodon's stream names (https://docs.joinmastodon.org/methods/streaming/#streams) and the
// typed channels each one listens to. Kith is one site, so `public:local` is `public` and the
// `remote` streams stay silent.
import type { Viewer } from '../../../../domain/auth/viewer.ts'
import { scopeAllows } from '../../../../domain/auth/viewer.ts'
import { type Channel, channels } from '../../../../pubsub/channels.ts'

export type StreamSpec = {
  /** Identifies the subscription for unsubscribing: `hashtag:foo`, `user`… */
  key: string
  /** What each event's `stream` array says (`["hashtag", "foo"]`), as masto.js matches it. */
  stream: string[]
  channels: Channel[]
  onlyMedia: boolean
}
export type StreamError = { error: string; status: number }

const PUBLIC = new Set(['public', 'public:local', 'public:media', 'public:local:media'])
const REMOTE = new Set(['public:remote', 'public:remote:media'])

export function resolveStream(
  name: unknown,
  params: { tag?: unknown; list?: unknown },
  viewer: Viewer | null,
): StreamSpec | StreamError {
  if (typeof name !== 'string' || name.length > 40) return { error: 'Unknown stream type', status: 400 }
  if (PUBLIC.has(name) || REMOTE.has(name)) {
    return {
      key: name,
      stream: [name],
      channels: REMOTE.has(name) ? [] : [channels.public],
      onlyMedia: name.endsWith(':media'),
    }
  }
  if (name === 'hashtag' || name === 'hashtag:local') {
    const tag = typeof params.tag === 'string' ? params.tag.replace(/^#/, '').trim() : ''
    if (!tag || tag.length > 100) return { error: 'No tag for stream provided', status: 400 }
    return {
      key: `${name}:${tag.toLowerCase()}`,
      stream: [name, tag],
      channels: [channels.hashtag(tag)],
      onlyMedia: false,
    }
  }
  if (name === 'list') return { error: 'Kith has no lists yet', status: 404 }
  if (name !== 'user' && name !== 'user:notification' && name !== 'direct') {
    return { error: 'Unknown stream type', status: 400 }
  }
  if (!viewer) return { error: 'Missing access token', status: 401 }
  const me = viewer.account.id
  const may = (scope: string) => scopeAllows(viewer.scopes, scope)
  if (name === 'user:notification') {
    if (!may('read:notifications')) return missingScope
    return { key: name, stream: [name], channels: [channels.notifications(me)], onlyMedia: false }
  }
  if (!may('read:statuses')) return missingScope
  if (name === 'direct') return { key: name, stream: [name], channels: [channels.direct(me)], onlyMedia: false }
  const withNotifications = may('read:notifications') ? [channels.notifications(me)] : []
  return { key: name, stream: [name], channels: [channels.home(me), ...withNotifications], onlyMedia: false }
}

const missingScope: StreamError = { error: 'Access token does not have the required scopes', status: 401 }

export function isStreamError(x: StreamSpec | StreamError): x is StreamError {
  return 'error' in x
}
