// Poll queries: reading a poll as its post's audience may, voting, and replacing a poll on edit.
import type { Selectable } from 'kysely'
import type { Db } from '../../db/connect.ts'
import type { PollsTable } from '../../db/schema.ts'
import { postVisibleTo } from './visibility.ts'

export type PollRow = Selectable<PollsTable>

export async function findPollById(db: Db, pollId: string): Promise<PollRow | undefined> {
  return db.selectFrom('polls').selectAll().where('id', '=', pollId).executeTakeFirst()
}

/** The poll, if the viewer may see the post that carries it. */
export async function findVisiblePoll(db: Db, viewerId: string | null, pollId: string): Promise<PollRow | undefined> {
  return db
    .selectFrom('polls')
    .selectAll('polls')
    .where('polls.id', '=', pollId)
    .where('polls.post_id', 'in', (eb) => eb.selectFrom('posts').select('posts.id').where(postVisibleTo(viewerId)))
    .executeTakeFirst()
}

export async function listPollTitles(db: Db, pollId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('poll_options')
    .select('title')
    .where('poll_id', '=', pollId)
    .orderBy('position')
    .execute()
  return rows.map((r) => r.title)
}

/**
 * Takes the poll's row lock until the transaction ends (a no-op UPDATE): votes on one poll then run
 * one after the other on PostgreSQL, and "already voted" is checked against committed votes.
 */
export async function lockPoll(db: Db, pollId: string): Promise<void> {
  await db
    .updateTable('polls')
    .set((eb) => ({ votes_count: eb.ref('votes_count') }))
    .where('id', '=', pollId)
    .execute()
}

export async function hasVoted(db: Db, pollId: string, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('poll_votes')
    .select('position')
    .where('poll_id', '=', pollId)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertVotes(db: Db, pollId: string, accountId: string, positions: number[], now: string) {
  await db
    .insertInto('poll_votes')
    .values(positions.map((position) => ({ poll_id: pollId, account_id: accountId, position, created_at: now })))
    .execute()
  await db
    .updateTable('poll_options')
    .set((eb) => ({ votes_count: eb('votes_count', '+', 1) }))
    .where('poll_id', '=', pollId)
    .where('position', 'in', positions)
    .execute()
  await db
    .updateTable('polls')
    .set((eb) => ({ votes_count: eb('votes_count', '+', positions.length), voters_count: eb('voters_count', '+', 1) }))
    .where('id', '=', pollId)
    .execute()
}

/** New options and no votes: what an edit that changes the choices does (as Mastodon does). */
export async function replacePollOptions(db: Db, pollId: string, titles: string[]): Promise<void> {
  await db.deleteFrom('poll_votes').where('poll_id', '=', pollId).execute()
  await db.deleteFrom('poll_options').where('poll_id', '=', pollId).execute()
  await db
    .insertInto('poll_options')
    .values(titles.map((title, position) => ({ poll_id: pollId, position, title, votes_count: 0 })))
    .execute()
  await db.updateTable('polls').set({ votes_count: 0, voters_count: 0 }).where('id', '=', pollId).execute()
}

export async function updatePollSettings(
  db: Db,
  pollId: string,
  settings: { multiple: 0 | 1; hide_totals: 0 | 1; expires_at: string },
): Promise<void> {
  await db.updateTable('polls').set(settings).where('id', '=', pollId).execute()
}

/** Deletes the poll (its options and votes go with it) and unlinks it from its post. */
export async function deletePoll(db: Db, pollId: string): Promise<void> {
  await db.updateTable('posts').set({ poll_id: null }).where('poll_id', '=', pollId).execute()
  await db.deleteFrom('polls').where('id', '=', pollId).execute()
}
