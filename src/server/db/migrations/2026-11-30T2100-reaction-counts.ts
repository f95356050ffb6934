import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Reaction counts per post and kind, kept by triggers on `reactions` (so cascades from a deleted
// account or post keep them right too). Presenting a page used to count every reaction of its posts,
// which cost tens of milliseconds for a popular post; now it reads at most six rows per post.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('post_reaction_counts')
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_reaction_counts_pk', ['post_id', 'kind'])
    .execute()
  await sql`INSERT INTO post_reaction_counts (post_id, kind, n)
    SELECT post_id, kind, count(*) FROM reactions GROUP BY post_id, kind`.execute(db)

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION kith_reaction_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          UPDATE post_reaction_counts SET n = n - 1 WHERE post_id = OLD.post_id AND kind = OLD.kind;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO post_reaction_counts (post_id, kind, n) VALUES (NEW.post_id, NEW.kind, 1)
          ON CONFLICT (post_id, kind) DO UPDATE SET n = post_reaction_counts.n + 1;
        END IF;
        RETURN NULL;
      END $$`.execute(db)
    await sql`CREATE TRIGGER reactions_counts AFTER INSERT OR DELETE OR UPDATE OF kind ON reactions
      FOR EACH ROW EXECUTE FUNCTION kith_reaction_counts()`.execute(db)
  } else {
    const increment = `INSERT INTO post_reaction_counts (post_id, kind, n) VALUES (NEW.post_id, NEW.kind, 1)
      ON CONFLICT (post_id, kind) DO UPDATE SET n = n + 1;`
    const decrement = 'UPDATE post_reaction_counts SET n = n - 1 WHERE post_id = OLD.post_id AND kind = OLD.kind;'
    await sql.raw(`CREATE TRIGGER reactions_count_insert AFTER INSERT ON reactions BEGIN ${increment} END`).execute(db)
    await sql.raw(`CREATE TRIGGER reactions_count_delete AFTER DELETE ON reactions BEGIN ${decrement} END`).execute(db)
    await sql
      .raw(
        `CREATE TRIGGER reactions_count_update AFTER UPDATE OF kind ON reactions BEGIN ${decrement} ${increment} END`,
      )
      .execute(db)
  }
}

export async function down(): Promise<void> {}
