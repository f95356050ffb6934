// One poll → the Mastodon Poll entity (https://docs.joinmastodon.org/entities/Poll/), as statuses show it.
import type { Poll } from '#shared/mastodon-statuses.ts'
import type { AppContext } from '../../../context.ts'
import type { Viewer } from '../../../domain/auth/viewer.ts'
import { listPollsByIds } from '../../../domain/posts/hydrate-store.ts'
import { presentPoll } from './statuses.ts'

export async function presentPollById(ctx: AppContext, viewer: Viewer | null, pollId: string): Promise<Poll> {
  const viewerId = viewer?.account.id ?? null
  const data = await listPollsByIds(ctx.db, [pollId], viewerId)
  const poll = presentPoll(data, pollId, ctx.clock.now().toISOString(), viewerId !== null)
  if (!poll) throw new Error(`presentPollById: poll ${pollId} is gone`)
  return poll
}
