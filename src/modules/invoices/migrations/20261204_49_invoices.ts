import { type Kysely, sql } from 'kysely';

/**
 * The numbering series and the documents. Each series starts with its row at zero, so that taking
 * a number is always one UPDATE of an existing row (the row lock that orders concurrent payments).
 * Every column the privacy engine finds a person by is indexed with the row's key after it (the
 * coverage gate checks it).
 */
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('invoices_series')
    .addColumn('series', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addColumn('last_issued_at', 'text')
    .execute();
  await sql`insert into invoices_series (series, last_number, last_issued_at) values ('invoice', 0, null), ('credit-note', 0, null)`.execute(
    db,
  );

  await db.schema
    .createTable('invoices_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('order_number', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text')
    .addColumn('refund_id', 'text', (c) => c.unique())
    .addColumn('member_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('buyer_name', 'text', (c) => c.notNull())
    .addColumn('buyer_email', 'text', (c) => c.notNull())
    .addColumn('buyer_address', 'text', (c) => c.notNull())
    .addColumn('lines', 'text', (c) => c.notNull())
    .addColumn('total_cents', 'integer', (c) => c.notNull())
    .addColumn('vat', 'text', (c) => c.notNull())
    .addColumn('seller', 'text', (c) => c.notNull())
    .addColumn('payment_reference', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // Two documents never share a place in a series, whatever the code above does.
    .addUniqueConstraint('invoices_documents_series_sequence', ['series', 'sequence'])
    .execute();
  await db.schema
    .createIndex('invoices_documents_order')
    .on('invoices_documents')
    .columns(['order_id', 'issued_at'])
    .execute();
  await db.schema.createIndex('invoices_documents_invoice').on('invoices_documents').column('invoice_id').execute();
  await db.schema.createIndex('invoices_documents_issued').on('invoices_documents').column('issued_at').execute();
  await db.schema
    .createIndex('invoices_documents_member_key')
    .on('invoices_documents')
    .columns(['member_id', 'id'])
    .execute();
  await db.schema
    .createIndex('invoices_documents_email_lower_key')
    .on('invoices_documents')
    .expression(sql`lower(buyer_email), id`)
    .execute();
}

export async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('invoices_documents').execute();
  await db.schema.dropTable('invoices_series').execute();
}
