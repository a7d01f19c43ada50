import { type Kysely, sql } from 'kysely';

/** The privacy-rights engine finds a person's rows by each declared email column, lower-cased (privacy/rights/subject-rows.ts). */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createIndex('accounts_staff_email_lower')
    .on('accounts_staff')
    .expression(sql`lower(email)`)
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('accounts_staff_email_lower').execute();
}
