// The limits a composer needs, from GET /api/v1/instance, fetched once per page load.
import type { V1Instance } from '#shared/mastodon-entities.ts'
import { mastodonFetch } from './mastodon-fetch.ts'

export type ComposeLimits = {
  maxCharacters: number
  maxMedia: number
  mediaTypes: string[]
  descriptionLimit: number
  pollMaxOptions: number
  pollMaxOptionChars: number
  pollMinExpiration: number
  pollMaxExpiration: number
}

export const defaultLimits: ComposeLimits = {
  maxCharacters: 5000,
  maxMedia: 10,
  mediaTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  descriptionLimit: 1500,
  pollMaxOptions: 6,
  pollMaxOptionChars: 100,
  pollMinExpiration: 300,
  pollMaxExpiration: 30 * 24 * 3600,
}

let cached: Promise<ComposeLimits> | null = null

export function getComposeLimits(): Promise<ComposeLimits> {
  cached ??= mastodonFetch<V1Instance>('/api/v1/instance').then(
    ({ configuration: c }) => ({
      maxCharacters: c.statuses.max_characters,
      maxMedia: c.statuses.max_media_attachments,
      mediaTypes: c.media_attachments.supported_mime_types.filter((t) => t.startsWith('image/')),
      descriptionLimit: c.media_attachments.description_limit,
      pollMaxOptions: c.polls.max_options,
      pollMaxOptionChars: c.polls.max_characters_per_option,
      pollMinExpiration: c.polls.min_expiration,
      pollMaxExpiration: c.polls.max_expiration,
    }),
    (error) => {
      cached = null
      throw error
    },
  )
  return cached
}
