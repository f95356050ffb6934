// Voting in polls: one vote per person (several choices only in a multiple-choice poll), never on
// one's own poll or a closed one. Counters move in the same transaction as the votes.
import type { AppContext } from '../../context.ts'
import { AppError, validationError } from '../../errors.ts'
import type { Viewer } from '../auth/viewer.ts'
import {
  findPollById,
  findVisiblePoll,
  hasVoted,
  insertVotes,
  listPollTitles,
  lockPoll,
  type PollRow,
} from './polls-store.ts'

const pollNotFound = () => new AppError('not_found', 'Record not found')

/** The poll, if the viewer may see its post; else 404. */
export async function getPoll(ctx: AppContext, viewerId: string | null, pollId: string): Promise<PollRow> {
  const poll = await findVisiblePoll(ctx.db, viewerId, pollId)
  if (!poll) throw pollNotFound()
  return poll
}

export async function votePoll(ctx: AppContext, viewer: Viewer, pollId: string, choices: number[]): Promise<PollRow> {
  const me = viewer.account.id
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findVisiblePoll(trx, me, pollId))) throw pollNotFound()
    await lockPoll(trx, pollId)
    // Read again under the lock: an edit may have just changed the poll.
    const poll = (await findPollById(trx, pollId))!
    if (poll.account_id === me) throw validationError({ choices: 'You cannot vote in your own poll' })
    if (poll.expires_at !== null && poll.expires_at <= now) throw validationError({ choices: 'This poll has ended' })
    const options = await listPollTitles(trx, pollId)
    const unique = [...new Set(choices)]
    if (unique.length === 0) throw validationError({ choices: 'Choose an option' })
    if (unique.length !== choices.length) throw validationError({ choices: 'An option is chosen twice' })
    if (unique.some((c) => !Number.isInteger(c) || c < 0 || c >= options.length)) {
      throw validationError({ choices: 'There is no such option' })
    }
    if (poll.multiple === 0 && unique.length > 1) throw validationError({ choices: 'Choose only one option' })
    if (await hasVoted(trx, pollId, me)) throw validationError({ choices: 'You have already voted in this poll' })
    await insertVotes(trx, pollId, me, unique, now)
  })
  return (await findPollById(ctx.db, pollId))!
}
