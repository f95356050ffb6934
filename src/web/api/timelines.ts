// Timelines and other lists of statuses, paged with max_id / min_id (Mastodon's Link header).
import type { Status } from '#shared/mastodon-statuses.ts'
import { mastodonPage, type Page } from './mastodon-fetch.ts'

export type PageParams = { max_id?: string; min_id?: string; since_id?: string; limit?: number }

/** A source of statuses that a feed pages through. */
export type TimelineLoader = (params: PageParams, signal?: AbortSignal) => Promise<Page<Status>>

export const loadHomeTimeline: TimelineLoader = (params, signal) =>
  mastodonPage('/api/v1/timelines/home', params, signal)

export const loadPublicTimeline: TimelineLoader = (params, signal) =>
  mastodonPage('/api/v1/timelines/public', { ...params, local: true }, signal)

export function tagTimelineLoader(tag: string): TimelineLoader {
  return (params, signal) => mastodonPage(`/api/v1/timelines/tag/${encodeURIComponent(tag)}`, params, signal)
}

export type AccountStatusesFilter = { exclude_replies?: boolean; only_media?: boolean; pinned?: boolean }

export function accountStatusesLoader(accountId: string, filter: AccountStatusesFilter = {}): TimelineLoader {
  return (params, signal) =>
    mastodonPage(`/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`, { ...filter, ...params }, signal)
}
