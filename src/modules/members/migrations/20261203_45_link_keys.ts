import { type Kysely, sql } from 'kysely';

/**
 * Export and erasure page through a person's rows by each subject link in primary-key order
 * (privacy/rights/subject-rows.ts): each link column is indexed with the key after it, so every
 * page is one index range (the coverage gate checks it; docs/performance.md has the figures).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.dropIndex('accounts_members_email_lower').execute();
  await db.schema
    .createIndex('accounts_members_email_lower_key')
    .on('accounts_members')
    .expression(sql`lower(email), id`)
    .execute();
  await db.schema.dropIndex('accounts_sessions_account').execute();
  await db.schema
    .createIndex('accounts_sessions_account_key')
    .on('accounts_sessions')
    .expression(sql`account_id, id`)
    .execute();
  await db.schema.dropIndex('accounts_tokens_member').execute();
  await db.schema
    .createIndex('accounts_tokens_member_key')
    .on('accounts_tokens')
    .expression(sql`member_id, token_hash`)
    .execute();
  await db.schema.dropIndex('accounts_tokens_email_lower').execute();
  await db.schema
    .createIndex('accounts_tokens_email_lower_key')
    .on('accounts_tokens')
    .expression(sql`lower(email), token_hash`)
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('accounts_members_email_lower_key').execute();
  await db.schema
    .createIndex('accounts_members_email_lower')
    .on('accounts_members')
    .expression(sql`lower(email)`)
    .execute();
  await db.schema.dropIndex('accounts_sessions_account_key').execute();
  await db.schema
    .createIndex('accounts_sessions_account')
    .on('accounts_sessions')
    .expression(sql`account_id`)
    .execute();
  await db.schema.dropIndex('accounts_tokens_member_key').execute();
  await db.schema.createIndex('accounts_tokens_member').on('accounts_tokens').expression(sql`member_id`).execute();
  await db.schema.dropIndex('accounts_tokens_email_lower_key').execute();
  await db.schema
    .createIndex('accounts_tokens_email_lower')
    .on('accounts_tokens')
    .expression(sql`lower(email)`)
    .execute();
}
