import type { Kysely } from 'kysely';

/**
 * Idempotent delivery and no plain one-time secrets at rest (security review, findings 3 and 8):
 * the outbox keeps each message once per Message-ID, with its one-time secrets sealed apart until
 * they expire; every delivered mail job is recorded, so a job re-run after a crash sends nothing.
 */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('mail_outbox').addColumn('message_id', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('sealed_secrets', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('secrets_expire_at', 'text').execute();
  await db.schema.createIndex('mail_outbox_message_id').on('mail_outbox').column('message_id').unique().execute();
  await db.schema.createIndex('mail_outbox_secrets_expire').on('mail_outbox').column('secrets_expire_at').execute();

  await db.schema
    .createTable('mail_deliveries')
    // One row per mail job that reached the mail server; deleted with its job.
    .addColumn('job_id', 'text', (c) => c.primaryKey().references('jobs.id').onDelete('cascade'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('mail_deliveries').execute();
  await db.schema.dropIndex('mail_outbox_secrets_expire').execute();
  await db.schema.dropIndex('mail_outbox_message_id').execute();
  for (const column of ['secrets_expire_at', 'sealed_secrets', 'message_id']) await db.schema.alterTable('mail_outbox').dropColumn(column).execute();
}
