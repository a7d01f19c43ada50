import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import type { InvoiceIssuer } from '../commerce/commerce-ports.js';
import { invoicesModule } from './index.js';
import type { InvoiceTables } from './invoices-tables.js';
import { invoiceInput } from './invoices.fixture.js';
import { documentNumber } from './numbering.js';

describeEachEngine('invoice numbers: one continuous series, taken in the payment’s transaction', (suite) => {
  // The module's service is commerce's InvoiceIssuer (a compile error here if it drifts from the port).
  const invoices = (): InvoiceIssuer => suite.context.servicesOf(invoicesModule).invoices;
  const tables = () => tablesOf<InvoiceTables>(suite.database);
  const lastNumber = async (series: string) =>
    (
      await tables()
        .selectFrom('invoices_series')
        .select('last_number')
        .where('series', '=', series)
        .executeTakeFirstOrThrow()
    ).last_number;
  const documentsOf = (orderIds: string[]) =>
    tables()
      .selectFrom('invoices_documents')
      .select(['order_id', 'sequence', 'number', 'issued_at', 'series'])
      .where('order_id', 'in', orderIds)
      .orderBy('sequence')
      .execute();

  it('of 25 payments at once, 5 rolled back after taking a number, the 20 paid take the next 20 numbers: no gap, no duplicate, dates in number order', async () => {
    const before = await lastNumber('invoice');
    const base = Date.parse('2026-12-04T10:00:00.000Z');
    // Dates out of order (a payment that waited for the lock was stamped before the one holding it).
    const issuedAt = (i: number) => new Date(base + ((i * 7) % 25) * 1000);
    const failure = 'the payment’s transaction failed after its invoice';
    const pay = (i: number) =>
      suite.database.db.transaction().execute(async (trx) => {
        await sleep(i % 4); // the payment's own work first, so that the transactions overlap
        const issued = await invoices().issueInvoice(
          trx,
          invoiceInput({ orderId: `race-${i}`, orderNumber: `race-${i}`, issuedAt: issuedAt(i) }),
        );
        await sleep(2); // the number is held until commit
        if (i % 5 === 2) throw new Error(failure);
        return issued;
      });
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => pay(i)));

    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed.map((r) => (r.reason as Error).message)).toEqual(Array(5).fill(failure));
    const paid = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(paid).toHaveLength(20);

    const orderIds = Array.from({ length: 25 }, (_, i) => `race-${i}`);
    const rows = await documentsOf(orderIds);
    const expected = Array.from({ length: 20 }, (_, i) => before + 1 + i);
    expect(rows.map((row) => row.sequence)).toEqual(expected);
    expect(rows.map((row) => row.number)).toEqual(expected.map((n) => documentNumber('invoice', n)));
    expect(new Set(paid.map((p) => p.number)).size).toBe(20);
    expect(paid.map((p) => p.number).sort()).toEqual(rows.map((row) => row.number));
    expect(rows.every((row) => row.series === 'invoice')).toBe(true);
    expect(rows.some((row) => Number(row.order_id.slice(5)) % 5 === 2)).toBe(false);
    expect(await lastNumber('invoice')).toBe(before + 20);

    // Chronological: a later number is never dated earlier, and no date is before its payment's.
    for (const [i, row] of rows.entries()) {
      if (i > 0) expect(row.issued_at >= (rows[i - 1]?.issued_at ?? '')).toBe(true);
      expect(Date.parse(row.issued_at)).toBeGreaterThanOrEqual(issuedAt(Number(row.order_id.slice(5))).getTime());
    }
  });

  it('a payment rolled back gives its number back: the next one follows the last committed', async () => {
    const before = await lastNumber('invoice');
    await expect(
      suite.database.db.transaction().execute(async (trx) => {
        const issued = await invoices().issueInvoice(trx, invoiceInput({ orderId: 'rolled-back' }));
        expect(issued.number).toBe(documentNumber('invoice', before + 1));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await lastNumber('invoice')).toBe(before);
    expect(await documentsOf(['rolled-back'])).toEqual([]);

    const next = await suite.database.db
      .transaction()
      .execute((trx) => invoices().issueInvoice(trx, invoiceInput({ orderId: 'after-rollback' })));
    expect(next.number).toBe(documentNumber('invoice', before + 1));
    expect(await lastNumber('invoice')).toBe(before + 1);
  });

  it('a payment dated before the last invoice is dated as the last one: dates never go back along the numbers', async () => {
    const [last] = await tables()
      .selectFrom('invoices_documents')
      .select('issued_at')
      .where('series', '=', 'invoice')
      .orderBy('sequence', 'desc')
      .limit(1)
      .execute();
    const late = await suite.database.db
      .transaction()
      .execute((trx) =>
        invoices().issueInvoice(
          trx,
          invoiceInput({ orderId: 'stamped-early', issuedAt: new Date('2026-01-01T00:00:00.000Z') }),
        ),
      );
    const row = await tables()
      .selectFrom('invoices_documents')
      .select('issued_at')
      .where('number', '=', late.number)
      .executeTakeFirstOrThrow();
    expect(row.issued_at).toBe(last?.issued_at);
  });

  it('the database itself refuses a second document with a number already given', async () => {
    const taken = await tables()
      .selectFrom('invoices_documents')
      .selectAll()
      .where('order_id', '=', 'after-rollback')
      .executeTakeFirstOrThrow();
    const copy = { ...taken, id: 'another-id', number: `${taken.number}-bis` };
    const refused = await tables()
      .insertInto('invoices_documents')
      .values(copy)
      .execute()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isUniqueViolation(refused)).toBe(true);
  });
});
