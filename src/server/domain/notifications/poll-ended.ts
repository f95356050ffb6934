// "A poll you took part in has ended": a delayed job at the poll's expiry. An edit that moves the
// expiry schedules again; a job that wakes early goes back to sleep, and the dedupe key makes
// sure people hear once.
import type { AppContext } from '../../context.ts'
import { createNotifications } from './create-notifications.ts'

export async function schedulePollEnd(ctx: AppContext, pollId: string): Promise<void> {
  const poll = await ctx.db.selectFrom('polls').select('expires_at').where('id', '=', pollId).executeTakeFirst()
  if (!poll?.expires_at) return
  const delayMs = Math.max(0, Date.parse(poll.expires_at) - ctx.clock.now().getTime())
  await ctx.jobs.enqueue('endPoll', { pollId }, { delayMs })
}

export async function endPoll(ctx: AppContext, job: { pollId: string }): Promise<void> {
  const poll = await ctx.db.selectFrom('polls').select('expires_at').where('id', '=', job.pollId).executeTakeFirst()
  if (!poll?.expires_at) return
  if (Date.parse(poll.expires_at) > ctx.clock.now().getTime()) return schedulePollEnd(ctx, job.pollId)
  await createNotifications(ctx, { type: 'poll.ended', pollId: job.pollId })
}
