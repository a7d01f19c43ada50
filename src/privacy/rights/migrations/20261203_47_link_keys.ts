import { type Kysely, sql } from 'kysely';

/**
 * Export and erasure page through a person's rows by each subject link in primary-key order
 * (privacy/rights/subject-rows.ts): each link column is indexed with the key after it, so every
 * page is one index range (the coverage gate checks it; docs/performance.md has the figures).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.dropIndex('privacy_requests_member').execute();
  await db.schema
    .createIndex('privacy_requests_member_key')
    .on('privacy_requests')
    .expression(sql`member_id, id`)
    .execute();
  await db.schema.dropIndex('privacy_requests_email').execute();
  await db.schema
    .createIndex('privacy_requests_email_key')
    .on('privacy_requests')
    .expression(sql`lower(email), id`)
    .execute();
  await db.schema
    .createIndex('privacy_requests_handler_key')
    .on('privacy_requests')
    .expression(sql`handled_by, id`)
    .execute();
  await db.schema.dropIndex('privacy_objections_member').execute();
  await db.schema
    .createIndex('privacy_objections_member_key')
    .on('privacy_objections')
    .expression(sql`member_id, id`)
    .execute();
  await db.schema.dropIndex('privacy_objections_email').execute();
  await db.schema
    .createIndex('privacy_objections_email_key')
    .on('privacy_objections')
    .expression(sql`lower(email), id`)
    .execute();
  await db.schema.dropIndex('privacy_ledger_actor').execute();
  await db.schema.createIndex('privacy_ledger_actor_key').on('privacy_ledger').expression(sql`actor_id, seq`).execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('privacy_requests_member_key').execute();
  await db.schema.createIndex('privacy_requests_member').on('privacy_requests').expression(sql`member_id`).execute();
  await db.schema.dropIndex('privacy_requests_email_key').execute();
  await db.schema.createIndex('privacy_requests_email').on('privacy_requests').expression(sql`lower(email)`).execute();
  await db.schema.dropIndex('privacy_requests_handler_key').execute();
  await db.schema.dropIndex('privacy_objections_member_key').execute();
  await db.schema
    .createIndex('privacy_objections_member')
    .on('privacy_objections')
    .expression(sql`member_id`)
    .execute();
  await db.schema.dropIndex('privacy_objections_email_key').execute();
  await db.schema
    .createIndex('privacy_objections_email')
    .on('privacy_objections')
    .expression(sql`lower(email)`)
    .execute();
  await db.schema.dropIndex('privacy_ledger_actor_key').execute();
  await db.schema.createIndex('privacy_ledger_actor').on('privacy_ledger').expression(sql`actor_id`).execute();
}
