import type { Kysely } from 'kysely'

// `posts.version` counts changes to what a post shows apart from its counters (text, media and alt
// text, mentions, tags, audience), so the status presenter can cache a post's parts by (id, version)
// without trusting clocks (two edits in one millisecond, or a test's frozen clock).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('posts')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(): Promise<void> {}
