import { type Kysely, sql } from 'kysely';

/** The privacy-rights engine finds a person's rows by each declared email column, lower-cased (privacy/rights/subject-rows.ts). */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createIndex('accounts_members_email_lower')
    .on('accounts_members')
    .expression(sql`lower(email)`)
    .execute();
  await db.schema
    .createIndex('accounts_tokens_email_lower')
    .on('accounts_tokens')
    .expression(sql`lower(email)`)
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('accounts_members_email_lower').execute();
  await db.schema.dropIndex('accounts_tokens_email_lower').execute();
}
