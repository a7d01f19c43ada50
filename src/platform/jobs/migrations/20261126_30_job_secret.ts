import type { Kysely } from 'kysely';

/**
 * A job's secret (a one-time link's token, encrypted by the caller) lives in its own column, so
 * it can be wiped when the job ends while the payload stays for the week finished jobs are kept.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('jobs').addColumn('secret', 'text').execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('jobs').dropColumn('secret').execute();
}
