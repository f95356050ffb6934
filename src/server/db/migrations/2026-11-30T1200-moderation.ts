import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Administration and moderation: roles with named permissions, reports with preserved evidence,
// warnings and appeals, moderator notes, the append-only audit log, server-wide filters, email
// domain and IP blocks, and people's own content filters (Mastodon v2 filters).

// Frozen copies of the seed: a migration never imports application code that may change later.
const MODERATOR = ['view_dashboard', 'view_audit_log', 'manage_users', 'manage_reports', 'manage_appeals']
const ADMIN = [
  ...MODERATOR,
  'manage_settings',
  'manage_rules',
  'manage_filters',
  'manage_invites',
  'manage_roles',
  'delete_user_data',
]

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString()
  await db.schema
    .createTable('roles')
    .addColumn('id', 'text', (c) => c.primaryKey()) // owner | admin | moderator, or a snowflake
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('role_permissions')
    .addColumn('role_id', 'text', (c) => c.notNull().references('roles.id').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_permissions_pk', ['role_id', 'permission'])
    .execute()
  const seed = { owner: ['Owner', ADMIN], admin: ['Admin', ADMIN], moderator: ['Moderator', MODERATOR] } as const
  for (const [id, [name, perms]] of Object.entries(seed)) {
    await db.insertInto('roles').values({ id, name, color: '', builtin: 1, created_at: now, updated_at: now }).execute()
    await db
      .insertInto('role_permissions')
      .values(perms.map((permission) => ({ role_id: id, permission })))
      .execute()
  }

  await db.schema
    .alterTable('users')
    .addColumn('custom_role_id', 'text', (c) => c.references('roles.id').onDelete('set null'))
    .execute()
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute()
  await db.schema.alterTable('accounts').addColumn('suspended_until', 'text').execute()
  await db.schema.alterTable('accounts').addColumn('limited_at', 'text').execute()
  await db.schema.alterTable('accounts').addColumn('sensitized_at', 'text').execute()
  // Set when a server-wide filter flags a post: only its author sees it until a moderator approves it.
  await db.schema.alterTable('posts').addColumn('held_at', 'text').execute()

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No foreign keys to accounts or posts: a report and its evidence outlive what they are about.
    .addColumn('account_id', 'text') // who reported
    .addColumn('target_type', 'text', (c) => c.notNull()) // account | post | comment | message | group | page
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('target_key', 'text', (c) => c.notNull()) // `${target_type}:${target_id}`: reports are grouped by it
    .addColumn('target_account_id', 'text') // whose content it is
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rule_ids', 'text', (c) => c.notNull().defaultTo('')) // space-separated snapshot
    .addColumn('forwarded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assigned_account_id', 'text')
    .addColumn('action_taken_at', 'text')
    .addColumn('action_taken_by_account_id', 'text')
    .addColumn('resolution', 'text') // dismissed | actioned
    .addColumn('resolution_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('reports_open_idx').on('reports').columns(['action_taken_at', 'target_key']).execute()
  await db.schema.createIndex('reports_target_account_idx').on('reports').columns(['target_account_id', 'id']).execute()
  await db.schema.createIndex('reports_reporter_idx').on('reports').columns(['account_id', 'id']).execute()

  await db.schema
    .createTable('report_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content_html', 'text', (c) => c.notNull())
    .addColumn('spoiler_text', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    .addColumn('in_reply_to_id', 'text')
    .addColumn('media', 'text', (c) => c.notNull()) // JSON snapshot, never queried
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('report_evidence_report_idx').on('report_evidence').columns(['report_id']).execute()

  await db.schema
    .createTable('account_warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rule_ids', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('report_id', 'text')
    .addColumn('post_ids', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by_account_id', 'text')
    .addColumn('overturned_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('account_warnings_account_idx')
    .on('account_warnings')
    .columns(['account_id', 'id'])
    .execute()

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('warning_id', 'text', (c) => c.notNull().unique()) // once per warning
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | approved | rejected
    .addColumn('assigned_account_id', 'text')
    .addColumn('resolved_by_account_id', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('appeals_status_idx').on('appeals').columns(['status', 'id']).execute()

  await db.schema
    .createTable('moderator_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('author_account_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('moderator_notes_account_idx')
    .on('moderator_notes')
    .columns(['account_id', 'id'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_account_id', 'text') // null: the system (an expired suspension)
    .addColumn('actor_username', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('target_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('before', 'text') // JSON
    .addColumn('after', 'text') // JSON
    .addColumn('ip', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target_type', 'target_id']).execute()
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_account_id', 'id']).execute()
  // Append-only, enforced by the database too: no UPDATE or DELETE ever succeeds.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION kith_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db)
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION kith_audit_log_append_only()`.execute(db)
  } else {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(`CREATE TRIGGER audit_log_no_${op.toLowerCase()} BEFORE ${op} ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`)
        .execute(db)
    }
  }

  await db.schema
    .createTable('email_domain_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('domain', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('ip_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip', 'text', (c) => c.notNull()) // address/prefix
    .addColumn('severity', 'text', (c) => c.notNull()) // sign_up_requires_approval | sign_up_block | no_access
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('content_filters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // word | regex
    .addColumn('action', 'text', (c) => c.notNull()) // block | flag
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('user_filters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull()) // space-separated: home notifications public thread account
    .addColumn('action', 'text', (c) => c.notNull()) // warn | hide | blur
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('user_filters_account_idx').on('user_filters').columns(['account_id', 'id']).execute()
  await db.schema
    .createTable('user_filter_keywords')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filter_id', 'text', (c) => c.notNull().references('user_filters.id').onDelete('cascade'))
    .addColumn('keyword', 'text', (c) => c.notNull())
    .addColumn('whole_word', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.createIndex('user_filter_keywords_idx').on('user_filter_keywords').columns(['filter_id']).execute()
  await db.schema
    .createTable('user_filter_statuses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filter_id', 'text', (c) => c.notNull().references('user_filters.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('user_filter_statuses_idx').on('user_filter_statuses').columns(['filter_id']).execute()
}

export async function down(): Promise<void> {}
