import { type Kysely, sql } from 'kysely';

/**
 * Export and erasure page through a person's rows by each subject link in primary-key order
 * (privacy/rights/subject-rows.ts): each link column is indexed with the key after it, so every
 * page is one index range (the coverage gate checks it; docs/performance.md has the figures).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.dropIndex('mail_outbox_to_lower').execute();
  await db.schema
    .createIndex('mail_outbox_to_lower_key')
    .on('mail_outbox')
    .expression(sql`lower(to_address), id`)
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('mail_outbox_to_lower_key').execute();
  await db.schema.createIndex('mail_outbox_to_lower').on('mail_outbox').expression(sql`lower(to_address)`).execute();
}
