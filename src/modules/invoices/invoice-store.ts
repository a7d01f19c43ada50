import { type Kysely, type Transaction, sql } from 'kysely';
import { type Database, type Executor, tablesOf } from '../../platform/db/database.js';
import type { DocumentRow, InvoiceTables } from './invoices-tables.js';

/** The numbering series and the documents: the only code that touches the module's tables. */
export class InvoiceStore {
  readonly db: Kysely<InvoiceTables>;

  constructor(database: Database) {
    this.db = tablesOf<InvoiceTables>(database);
  }

  /**
   * The next number of a series, inside the caller's transaction: one UPDATE … RETURNING of the
   * series row. On PostgreSQL the row stays locked until the transaction ends, so concurrent
   * payments take their numbers one after another, each seeing the last committed one; SQLite has
   * a single writer. A transaction rolled back gives its number back with it: no gap, and no two
   * documents with one number (the unique (series, sequence) would refuse it anyway). The date
   * taken is never earlier than the last one of the series, so dates follow the numbers.
   */
  async takeNumber(
    series: string,
    issuedAt: string,
    trx: Transaction<InvoiceTables>,
  ): Promise<{ sequence: number; issuedAt: string }> {
    const taken = await trx
      .updateTable('invoices_series')
      .set((eb) => ({
        last_number: eb('last_number', '+', 1),
        last_issued_at: sql<string>`case when last_issued_at > ${issuedAt} then last_issued_at else ${issuedAt} end`,
      }))
      .where('series', '=', series)
      .returning(['last_number', 'last_issued_at'])
      .executeTakeFirst();
    if (!taken?.last_issued_at) throw new Error(`The numbering series "${series}" does not exist`);
    return { sequence: taken.last_number, issuedAt: taken.last_issued_at };
  }

  async insert(row: DocumentRow, trx: Transaction<InvoiceTables>): Promise<void> {
    await trx.insertInto('invoices_documents').values(row).execute();
  }

  find(id: string, db: Executor<InvoiceTables> = this.db): Promise<DocumentRow | undefined> {
    return db.selectFrom('invoices_documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byRefund(refundId: string, db: Executor<InvoiceTables> = this.db): Promise<DocumentRow | undefined> {
    return db.selectFrom('invoices_documents').selectAll().where('refund_id', '=', refundId).executeTakeFirst();
  }

  creditNotesOf(invoiceId: string, db: Executor<InvoiceTables> = this.db): Promise<DocumentRow[]> {
    return db
      .selectFrom('invoices_documents')
      .selectAll()
      .where('invoice_id', '=', invoiceId)
      .where('kind', '=', 'credit-note')
      .orderBy('sequence')
      .execute();
  }

  /** An order's documents: its invoice, then its credit notes, as they were issued. */
  forOrder(orderId: string): Promise<DocumentRow[]> {
    return this.db
      .selectFrom('invoices_documents')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('issued_at')
      .orderBy('kind', 'desc')
      .orderBy('sequence')
      .execute();
  }

  /** Every document, latest first, a page at a time (the back office's list). */
  page(offset: number, limit: number): Promise<DocumentRow[]> {
    return this.db
      .selectFrom('invoices_documents')
      .selectAll()
      .orderBy('issued_at', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('invoices_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
