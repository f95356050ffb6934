import type { Poll } from '#shared/mastodon-statuses.ts'
import { mastodonFetch } from './mastodon-fetch.ts'

export type { Poll }

export function votePoll(id: string, choices: number[]): Promise<Poll> {
  return mastodonFetch(`/api/v1/polls/${encodeURIComponent(id)}/votes`, { method: 'POST', body: { choices } })
}
