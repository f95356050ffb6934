import type { MediaAttachment } from '#shared/mastodon-statuses.ts'
import type { Status } from '../../api/statuses.ts'

export type Photo = { media: MediaAttachment; status: Status; path: string }

function pathOf(s: Status): string {
  try {
    return s.url ? new URL(s.url, window.location.origin).pathname : `/@${s.account.username}/${s.id}`
  } catch {
    return `/@${s.account.username}/${s.id}`
  }
}

/** The pictures in the account's own posts (shares are left out), newest first. */
export function photosOf(statuses: Status[]): Photo[] {
  return statuses
    .filter((s) => !s.reblog)
    .flatMap((s) =>
      s.media_attachments
        .filter((m) => m.type === 'image' || m.type === 'gifv')
        .map((media) => ({ media, status: s, path: pathOf(s) })),
    )
}
