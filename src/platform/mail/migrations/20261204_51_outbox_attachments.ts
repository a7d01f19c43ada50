import type { Kysely } from 'kysely';

/** The files a stored mail carried (the terms of sale with an order's confirmation), as JSON. */
export async function up(db: Kysely<unknown>) {
  await db.schema.alterTable('mail_outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('mail_outbox').dropColumn('attachments').execute();
}
