import { type Kysely, sql } from 'kysely';

/**
 * Export and erasure page through a person's rows by each subject link in primary-key order
 * (privacy/rights/subject-rows.ts): each link column is indexed with the key after it, so every
 * page is one index range (the coverage gate checks it; docs/performance.md has the figures).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.dropIndex('accounts_staff_email_lower').execute();
  await db.schema
    .createIndex('accounts_staff_email_lower_key')
    .on('accounts_staff')
    .expression(sql`lower(email), id`)
    .execute();
  await db.schema.dropIndex('accounts_staff_recovery_codes_staff').execute();
  await db.schema
    .createIndex('accounts_staff_recovery_codes_staff_key')
    .on('accounts_staff_recovery_codes')
    .expression(sql`staff_id, code_hash`)
    .execute();
  await db.schema.dropIndex('accounts_staff_invitations_staff').execute();
  await db.schema
    .createIndex('accounts_staff_invitations_staff_key')
    .on('accounts_staff_invitations')
    .expression(sql`staff_id, token_hash`)
    .execute();
  await db.schema
    .createIndex('accounts_staff_audit_target_key')
    .on('accounts_staff_audit')
    .expression(sql`target_staff_id, id`)
    .execute();
  await db.schema
    .createIndex('accounts_staff_audit_actor_key')
    .on('accounts_staff_audit')
    .expression(sql`actor, id`)
    .execute();
  await db.schema.dropIndex('accounts_staff_sessions_account').execute();
  await db.schema
    .createIndex('accounts_staff_sessions_account_key')
    .on('accounts_staff_sessions')
    .expression(sql`account_id, id`)
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('accounts_staff_email_lower_key').execute();
  await db.schema
    .createIndex('accounts_staff_email_lower')
    .on('accounts_staff')
    .expression(sql`lower(email)`)
    .execute();
  await db.schema.dropIndex('accounts_staff_recovery_codes_staff_key').execute();
  await db.schema
    .createIndex('accounts_staff_recovery_codes_staff')
    .on('accounts_staff_recovery_codes')
    .expression(sql`staff_id`)
    .execute();
  await db.schema.dropIndex('accounts_staff_invitations_staff_key').execute();
  await db.schema
    .createIndex('accounts_staff_invitations_staff')
    .on('accounts_staff_invitations')
    .expression(sql`staff_id`)
    .execute();
  await db.schema.dropIndex('accounts_staff_audit_target_key').execute();
  await db.schema.dropIndex('accounts_staff_audit_actor_key').execute();
  await db.schema.dropIndex('accounts_staff_sessions_account_key').execute();
  await db.schema
    .createIndex('accounts_staff_sessions_account')
    .on('accounts_staff_sessions')
    .expression(sql`account_id`)
    .execute();
}
