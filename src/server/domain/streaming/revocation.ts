// Closing the sockets of credentials that stop working: a revoked token, an ended session, a
// suspended account. Every instance holding such a socket hears it on `account:<id>:revoked`.
import type { AppContext } from '../../context.ts'
import type { Db } from '../../db/connect.ts'
import { channels, type RevokeEvent } from '../../pubsub/channels.ts'

/** Publish after the revocation is written (a socket reconnecting before the commit is caught later). */
export async function announceRevoked(
  ctx: AppContext,
  who: { accountId: string } | { userId: string },
  event: RevokeEvent,
  db: Db = ctx.db,
): Promise<void> {
  try {
    const accountId =
      'accountId' in who
        ? who.accountId
        : (await db.selectFrom('users').select('account_id').where('id', '=', who.userId).executeTakeFirst())
            ?.account_id
    if (accountId) await ctx.pubsub.publish(channels.revoked(accountId), event)
  } catch (err) {
    // The periodic re-check of every open socket still closes it within a minute.
    ctx.log.warn({ err }, 'could not announce a revocation')
  }
}
