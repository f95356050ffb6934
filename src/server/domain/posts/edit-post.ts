// Editing one's own post (PUT /api/v1/statuses/:id), keeping every version: the first edit also
// records the original, so the history always starts with what was first published. Like Mastodon's
// UpdateStatusService, the text, content warning, photos and poll are replaced as a whole; a poll
// whose choices change loses its votes.
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import type { PostRow } from '../../db/schema.ts'
import { validationError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import { screenText } from '../filters/content-filters.ts'
import { updateLinkPreviewAfterEdit } from '../link-previews/fetch-link-preview.ts'
import { deleteMedia } from '../media/storage.ts'
import { announcePostEdited } from '../notifications/post-announcements.ts'
import { getSiteSettings } from '../site/site-settings.ts'
import { attachMedia, checkPoll, insertPoll, MAX_MEDIA, type NewPoll } from './create-post.ts'
import {
  deleteMediaRows,
  hasPostEdits,
  insertPostEdit,
  listPostMedia,
  updateMediaAttributes,
  updatePostContent,
} from './edits-store.ts'
import { deletePoll, findPollById, listPollTitles, replacePollOptions, updatePollSettings } from './polls-store.ts'
import { findPostById, replaceMentions, replaceTags } from './posts-store.ts'
import { renderText } from './render-text.ts'
import { findOwnPost } from './target-post.ts'

export type MediaChange = { id: string; description?: string; focus?: { x: number; y: number } }
export type PostChanges = {
  text: string
  spoilerText: string
  /** Kept as it is when not given. */
  sensitive?: boolean
  /** Kept as it is when not given. */
  language?: string | null
  mediaIds: string[]
  mediaAttributes?: MediaChange[]
  poll: NewPoll | null
}

export async function editPost(
  ctx: AppContext,
  viewer: Viewer,
  postId: string,
  changes: PostChanges,
): Promise<PostRow> {
  const me = viewer.account.id
  const post = await findOwnPost(ctx.db, me, postId)
  if (post.reblog_of_id) throw validationError({ id: 'A share cannot be edited' })
  await checkChanges(ctx, post, changes)
  // The server-wide filters read an edit as they read a new post: refuse, or hold for a moderator.
  const screen = await screenText(ctx, [changes.text, changes.spoilerText, ...(changes.poll?.options ?? [])].join('\n'))
  if (screen.verdict === 'block') throw validationError({ status: 'This post contains words this site does not allow' })

  const now = ctx.clock.now()
  const iso = now.toISOString()
  const rendered = await renderText(ctx.db, ctx.config.publicUrl, changes.text)
  const mentionIds = new Set(rendered.mentionIds)
  // The person answered keeps reading the answer, as when it was written.
  if (post.in_reply_to_account_id) mentionIds.add(post.in_reply_to_account_id)
  mentionIds.delete(me)
  const spoilerText = changes.spoilerText.trim()

  const removedKeys = await ctx.db.transaction().execute(async (trx) => {
    const media = await listPostMedia(trx, post.id)
    const oldPoll = post.poll_id ? await findPollById(trx, post.poll_id) : undefined
    if (!(await hasPostEdits(trx, post.id))) {
      await insertPostEdit(trx, {
        id: newId(now),
        post_id: post.id,
        text: post.text,
        content_html: post.content_html,
        spoiler_text: post.spoiler_text,
        sensitive: post.sensitive,
        media_ids: media.map((m) => m.id).join(' '),
        poll_options: oldPoll ? JSON.stringify(await listPollTitles(trx, oldPoll.id)) : null,
        created_at: post.created_at,
      })
    }
    const sensitive =
      (changes.sensitive === undefined ? post.sensitive === 1 : changes.sensitive) || !!viewer.account.sensitized_at
    await updatePostContent(trx, post.id, {
      text: changes.text,
      content_html: rendered.html,
      spoiler_text: spoilerText,
      sensitive: sensitive || spoilerText !== '' ? 1 : 0,
      language: changes.language === undefined ? post.language : changes.language,
      edited_at: iso,
      updated_at: iso,
      ...(screen.verdict === 'flag' && !post.held_at ? { held_at: iso } : {}),
    })
    await replaceMentions(trx, post.id, [...mentionIds])
    await replaceTags(trx, post.id, rendered.tags, () => newId(now), iso)

    const kept = new Set(changes.mediaIds)
    const removed = media.filter((m) => !kept.has(m.id))
    await deleteMediaRows(
      trx,
      removed.map((m) => m.id),
    )
    await attachMedia(trx, post.id, me, changes.mediaIds)
    for (const attr of changes.mediaAttributes ?? []) {
      if (!kept.has(attr.id)) continue
      await updateMediaAttributes(trx, me, attr.id, {
        ...(attr.description === undefined ? {} : { description: attr.description }),
        ...(attr.focus ? { focus_x: attr.focus.x, focus_y: attr.focus.y } : {}),
      })
    }

    if (changes.poll) {
      const titles = changes.poll.options.map((o) => o.trim())
      if (oldPoll) {
        const oldTitles = await listPollTitles(trx, oldPoll.id)
        const changed = titles.join('\n') !== oldTitles.join('\n') || (oldPoll.multiple === 1) !== changes.poll.multiple
        if (changed) await replacePollOptions(trx, oldPoll.id, titles)
        await updatePollSettings(trx, oldPoll.id, {
          multiple: changes.poll.multiple ? 1 : 0,
          hide_totals: changes.poll.hideTotals ? 1 : 0,
          expires_at: new Date(now.getTime() + changes.poll.expiresIn * 1000).toISOString(),
        })
      } else {
        await insertPoll(trx, ctx, post, changes.poll)
      }
    } else if (oldPoll) {
      await deletePoll(trx, oldPoll.id)
    }

    await insertPostEdit(trx, {
      id: newId(now),
      post_id: post.id,
      text: changes.text,
      content_html: rendered.html,
      spoiler_text: spoilerText,
      sensitive: sensitive || spoilerText !== '' ? 1 : 0,
      media_ids: changes.mediaIds.join(' '),
      poll_options: changes.poll ? JSON.stringify(changes.poll.options.map((o) => o.trim())) : null,
      created_at: iso,
    })
    return removed.map((m) => m.file_key)
  })
  // After commit: a rolled-back edit must not lose files.
  for (const key of removedKeys) {
    await deleteMedia(ctx, key).catch((err) => ctx.log.warn({ err, key }, 'media delete failed'))
  }
  if (changes.text !== post.text) await updateLinkPreviewAfterEdit(ctx, post.id, rendered.urls)
  const edited = (await findPostById(ctx.db, post.id))!
  // `status.update` on streams; `update` to those who shared, quoted or commented; new mentions.
  await announcePostEdited(ctx, edited)
  return edited
}

/** The same limits as a new post (create-post.ts). */
async function checkChanges(ctx: AppContext, post: PostRow, changes: PostChanges): Promise<void> {
  const settings = await getSiteSettings(ctx)
  const { mediaIds, poll, text } = changes
  if ([...text].length > settings.post_max_chars) {
    throw validationError({ status: `Text must be at most ${settings.post_max_chars} characters` })
  }
  if (changes.spoilerText.length > 500) throw validationError({ spoiler_text: 'Content warning is too long' })
  if (mediaIds.length > MAX_MEDIA) throw validationError({ media_ids: `At most ${MAX_MEDIA} photos` })
  if (new Set(mediaIds).size !== mediaIds.length) throw validationError({ media_ids: 'A photo is attached twice' })
  if (poll && mediaIds.length > 0) throw validationError({ poll: 'A post cannot have both a poll and photos' })
  if (poll) checkPoll(poll)
  if (!text.trim() && mediaIds.length === 0 && !poll && !post.quote_of_id) {
    throw validationError({ status: 'Write something or add a photo' })
  }
}
