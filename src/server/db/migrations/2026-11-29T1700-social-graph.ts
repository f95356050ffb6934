import type { Kysely } from 'kysely'

// Profiles and the social graph: follows (one-way), friendships (mutual, two rows), requests,
// blocks and mutes. Each edge table has a time-sortable id for keyset paging of lists.
export async function up(db: Kysely<any>): Promise<void> {
  const addAccountColumn = (name: string, type: 'text' | 'integer', dflt?: string | number) =>
    db.schema
      .alterTable('accounts')
      .addColumn(name, type, (c) => (dflt === undefined ? c : c.notNull().defaultTo(dflt)))
      .execute()
  await addAccountColumn('avatar_key', 'text')
  await addAccountColumn('avatar_blurhash', 'text')
  await addAccountColumn('header_key', 'text')
  await addAccountColumn('header_blurhash', 'text')
  await addAccountColumn('location', 'text', '')
  await addAccountColumn('website', 'text', '')
  await addAccountColumn('birthday', 'text') // YYYY-MM-DD
  await addAccountColumn('birthday_visibility', 'text', 'friends') // public | friends | only_me
  await addAccountColumn('profile_visibility', 'text', 'public') // public | members
  await addAccountColumn('friend_requests_from', 'text', 'everyone') // everyone | friends_of_friends | nobody
  await addAccountColumn('friends_visibility', 'text', 'public') // public | friends | only_me
  await addAccountColumn('followers_count', 'integer', 0)
  await addAccountColumn('following_count', 'integer', 0)
  await addAccountColumn('friends_count', 'integer', 0)
  await addAccountColumn('statuses_count', 'integer', 0)
  await addAccountColumn('last_status_at', 'text')

  await db.schema
    .createTable('account_fields')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_fields_pk', ['account_id', 'position'])
    .execute()

  for (const table of ['follows', 'follow_requests', 'friend_requests', 'blocks', 'mutes']) {
    let t = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('target_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
    if (table === 'follows' || table === 'follow_requests') {
      t = t.addColumn('show_reblogs', 'integer', (c) => c.notNull().defaultTo(1))
      t = t.addColumn('notify', 'integer', (c) => c.notNull().defaultTo(0))
    }
    if (table === 'mutes') {
      t = t.addColumn('hide_notifications', 'integer', (c) => c.notNull().defaultTo(1))
      t = t.addColumn('expires_at', 'text')
    }
    await t.addUniqueConstraint(`${table}_pair_uq`, ['account_id', 'target_account_id']).execute()
    await db.schema.createIndex(`${table}_target_idx`).on(table).columns(['target_account_id', 'id']).execute()
  }

  await db.schema
    .createTable('friendships')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('friend_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('friendships_pk', ['account_id', 'friend_id'])
    .execute()
  await db.schema.createIndex('friendships_list_idx').on('friendships').columns(['account_id', 'id']).execute()

  await db.schema
    .createTable('suggestion_dismissals')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('target_account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('suggestion_dismissals_pk', ['account_id', 'target_account_id'])
    .execute()
}

export async function down(): Promise<void> {}
