import { type Kysely, sql } from 'kysely';

/**
 * The privacy-rights engine: requests and their deadlines, erasure steps (resumable), holds,
 * objections and restrictions, and the hash-chained audit ledger. Email columns are matched
 * lower-cased by the engine (subject-rows.ts): their indexes are on lower(email).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('privacy_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('email', 'text')
    .addColumn('subject_emails', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('answer', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('extended_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('proof_hash', 'text', (c) => c.unique())
    .addColumn('proof_expires_at', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archive_file', 'text')
    .addColumn('download_hash', 'text', (c) => c.unique())
    .addColumn('download_expires_at', 'text')
    .addColumn('downloaded_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('privacy_requests_member').on('privacy_requests').column('member_id').execute();
  await db.schema.createIndex('privacy_requests_email').on('privacy_requests').expression(sql`lower(email)`).execute();
  await db.schema.createIndex('privacy_requests_open').on('privacy_requests').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('privacy_erasure_steps')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('privacy_erasure_steps_pk', ['request_id', 'module'])
    .execute();

  await db.schema
    .createTable('privacy_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('columns', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('release_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('privacy_holds_due').on('privacy_holds').columns(['released_at', 'release_at']).execute();

  await db.schema
    .createTable('privacy_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text')
    .addColumn('email', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .execute();
  await db.schema.createIndex('privacy_objections_member').on('privacy_objections').column('member_id').execute();
  await db.schema
    .createIndex('privacy_objections_email')
    .on('privacy_objections')
    .expression(sql`lower(email)`)
    .execute();

  await db.schema
    .createTable('privacy_ledger')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('purpose', 'text')
    .addColumn('details', 'text')
    .addColumn('commitment', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('privacy_ledger_subject').on('privacy_ledger').columns(['subject_id', 'seq']).execute();
  await db.schema.createIndex('privacy_ledger_actor').on('privacy_ledger').column('actor_id').execute();
  await db.schema.createIndex('privacy_ledger_request').on('privacy_ledger').column('request_id').execute();
}

export async function down(db: Kysely<unknown>) {
  for (const table of [
    'privacy_ledger',
    'privacy_objections',
    'privacy_holds',
    'privacy_erasure_steps',
    'privacy_requests',
  ])
    await db.schema.dropTable(table).execute();
}
