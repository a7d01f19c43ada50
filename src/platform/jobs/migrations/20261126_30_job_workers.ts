import type { Kysely } from 'kysely';

/**
 * Running workers and their last heartbeat, so the jobs of a worker known dead are taken over at
 * once rather than when their 5-minute lock expires (docs/jobs.md, "Crash recovery").
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('jobs_workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('jobs_workers').execute();
}
