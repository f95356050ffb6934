import type { Kysely } from 'kysely'

// Each version in a post's edit history remembers its poll's option titles (Mastodon's
// StatusEdit.poll), as a JSON array of strings: a snapshot that is shown, never queried.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('post_edits').addColumn('poll_options', 'text').execute()
}

export async function down(): Promise<void> {}
