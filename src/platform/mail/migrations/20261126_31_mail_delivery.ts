import { type Kysely, sql } from 'kysely';

/** A one-time link's token as mail carried it before: 256 bits, base64url. */
const plainToken = /token=[A-Za-z0-9_-]{20,}/g;
const removed = 'token=[removed]';

interface Scrubbable {
  mail_outbox: { id: string; text_body: string; html_body: string | null };
  jobs: { id: string; name: string; status: string; payload: string };
}

/**
 * Mail stored before this migration kept its links' tokens in plain text: empty them in the
 * outbox, and in finished mail jobs (a pending job still needs its link; it is delivered within
 * seconds, and deleted with the others a week after it ends).
 */
async function scrubPlainTokens(db: Kysely<Scrubbable>) {
  const mails = await db
    .selectFrom('mail_outbox')
    .select(['id', 'text_body', 'html_body'])
    .where(sql<boolean>`text_body like '%token=%' or html_body like '%token=%'`)
    .execute();
  for (const mail of mails) {
    await db
      .updateTable('mail_outbox')
      .set({
        text_body: mail.text_body.replace(plainToken, removed),
        html_body: mail.html_body?.replace(plainToken, removed) ?? null,
      })
      .where('id', '=', mail.id)
      .execute();
  }
  const jobs = await db
    .selectFrom('jobs')
    .select(['id', 'payload'])
    .where('name', '=', 'mail.send')
    .where('status', 'in', ['done', 'failed'])
    .where('payload', 'like', '%token=%')
    .execute();
  for (const job of jobs) {
    await db
      .updateTable('jobs')
      .set({ payload: job.payload.replace(plainToken, removed) })
      .where('id', '=', job.id)
      .execute();
  }
}

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

  await scrubPlainTokens(db as unknown as Kysely<Scrubbable>);
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('mail_deliveries').execute();
  await db.schema.dropIndex('mail_outbox_secrets_expire').execute();
  await db.schema.dropIndex('mail_outbox_message_id').execute();
  for (const column of ['secrets_expire_at', 'sealed_secrets', 'message_id'])
    await db.schema.alterTable('mail_outbox').dropColumn(column).execute();
}
