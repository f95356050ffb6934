// Versions of a post → Mastodon StatusEdit entities (https://docs.joinmastodon.org/entities/StatusEdit/).
import type { Type } from 'typebox'
import type { StatusEdit } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../context.ts'
import type { AccountRow, PostRow } from '../../../db/schema.ts'
import type { Viewer } from '../../../domain/auth/viewer.ts'
import { findMediaByIds, type PostEditRow } from '../../../domain/posts/edits-store.ts'
import { findAccountsByIds } from '../../../domain/posts/hydrate-store.ts'
import { presentAccounts } from './accounts.ts'
import { presentMedia } from './statuses.ts'

/**
 * NOTE: photos removed by an edit are deleted with their files, so older versions show only the
 * photos that still exist.
 */
export async function presentStatusEdits(
  ctx: AppContext,
  viewer: Viewer | null,
  post: PostRow,
  versions: PostEditRow[],
): Promise<Type.Static<typeof StatusEdit>[]> {
  const ids = versions.flatMap((v) => v.media_ids.split(' ').filter(Boolean))
  const [authors, media] = await Promise.all([
    findAccountsByIds(ctx.db, [post.account_id]),
    findMediaByIds(ctx.db, [...new Set(ids)]),
  ])
  const [account] = await presentAccounts(ctx, viewer, [...authors.values()] as AccountRow[])
  const mediaById = new Map(media.map((m) => [m.id, m]))
  return versions.map((v) => ({
    content: v.content_html,
    spoiler_text: v.spoiler_text,
    sensitive: v.sensitive === 1,
    created_at: v.created_at,
    account: account!,
    poll: v.poll_options ? { options: (JSON.parse(v.poll_options) as string[]).map((title) => ({ title })) } : null,
    media_attachments: v.media_ids
      .split(' ')
      .flatMap((id) => (mediaById.has(id) ? [presentMedia(ctx, mediaById.get(id)!)] : [])),
    emojis: [],
  }))
}
