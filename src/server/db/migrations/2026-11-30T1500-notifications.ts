import type { Kysely } from 'kysely'

// Notifications: one row per recipient and event. `type` is Kith's own kind (`kith:reaction`…); the
// API maps it to Mastodon's types. `dedupe_key` makes creation idempotent (job retries, a reaction
// changed twice); `group_key` is Mastodon's grouped-notifications key. Read state lives in `markers`.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('from_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    // A deleted post takes its notifications with it.
    .addColumn('post_id', 'text', (c) => c.references('posts.id').onDelete('cascade'))
    .addColumn('reaction', 'text')
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text') // JSON the type needs to be shown (a moderation warning), never queried
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .addColumn('dismissed_at', 'text')
    .execute()
  await db.schema.createIndex('notifications_account_idx').on('notifications').columns(['account_id', 'id']).execute()
  await db.schema
    .createIndex('notifications_dedupe_idx')
    .on('notifications')
    .columns(['account_id', 'dedupe_key'])
    .unique()
    .execute()
  await db.schema
    .createIndex('notifications_group_idx')
    .on('notifications')
    .columns(['account_id', 'group_key', 'id'])
    .execute()
  await db.schema.createIndex('notifications_post_idx').on('notifications').column('post_id').execute()
  await db.schema.createIndex('notifications_from_idx').on('notifications').column('from_account_id').execute()

  // One row per person and type they changed from the default: in_app | email | off
  // (type `email_digest`: daily | off).
  await db.schema
    .createTable('notification_preferences')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['account_id', 'type'])
    .execute()

  // The daily digest: a row while one is scheduled (so at most one job per person), and when the last went out.
  await db.schema
    .createTable('notification_digests')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('scheduled_for', 'text')
    .addColumn('last_sent_at', 'text')
    .execute()
}

export async function down(): Promise<void> {}
