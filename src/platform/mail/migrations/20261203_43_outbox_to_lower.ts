import { type Kysely, sql } from 'kysely';

/** The privacy-rights engine finds a person's rows by each declared email column, lower-cased (privacy/rights/subject-rows.ts). */
export async function up(db: Kysely<unknown>) {
  await db.schema.createIndex('mail_outbox_to_lower').on('mail_outbox').expression(sql`lower(to_address)`).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('mail_outbox_to_lower').execute();
}
