import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../../platform/db/database.js';
import type { VatShare } from '../../platform/vat.js';
import { apportion, creditPlan } from './credit-plan.js';
import { invoicesModule } from './index.js';
import type { InvoiceTables } from './invoices-tables.js';
import { invoiceInput } from './invoices.fixture.js';
import { documentNumber } from './numbering.js';

describeEachEngine('credit notes: a refund in its own series, naming the invoice, which never changes', (suite) => {
  const invoices = () => suite.context.servicesOf(invoicesModule).invoices;
  const tables = () => tablesOf<InvoiceTables>(suite.database);
  const issue = (orderId: string) =>
    suite.database.db
      .transaction()
      .execute((trx) =>
        invoices().issueInvoice(trx, invoiceInput({ orderId, orderNumber: `N-${orderId}`, memberId: 'member-1' })),
      );
  const credit = (invoiceId: string, refundId: string, amountCents: number, reason = 'customer-request') =>
    suite.database.db.transaction().execute((trx) =>
      invoices().issueCreditNote(trx, {
        invoiceId,
        issuedAt: new Date('2026-12-10T15:00:00.000Z'),
        amountCents,
        reason,
        refundId,
      }),
    );
  const row = (id: string) =>
    tables().selectFrom('invoices_documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const lastNumber = async (series: string) =>
    (
      await tables()
        .selectFrom('invoices_series')
        .select('last_number')
        .where('series', '=', series)
        .executeTakeFirstOrThrow()
    ).last_number;
  const vatOf = async (id: string) => JSON.parse((await row(id)).vat) as VatShare[];

  it('credits part of an invoice in the credit-note series, naming the invoice, with VAT per rate in proportion', async () => {
    const invoice = await issue('partly-refunded');
    const invoiceBefore = await row(invoice.id);
    const invoicesBefore = await lastNumber('invoice');
    const notesBefore = await lastNumber('credit-note');

    const note = await credit(invoice.id, 'refund-1', 16100);
    expect(note.number).toBe(documentNumber('credit-note', notesBefore + 1));
    expect(note.number).toMatch(/^AV-\d{6}$/);
    expect(await lastNumber('invoice')).toBe(invoicesBefore);

    const stored = await row(note.id);
    expect(stored).toMatchObject({
      kind: 'credit-note',
      series: 'credit-note',
      sequence: notesBefore + 1,
      invoice_id: invoice.id,
      refund_id: 'refund-1',
      order_id: 'partly-refunded',
      order_number: 'N-partly-refunded',
      member_id: 'member-1',
      buyer_name: 'Édith Lefèvre',
      buyer_email: 'edith.lefevre@example.com',
      buyer_address: invoiceBefore.buyer_address,
      payment_reference: invoiceBefore.payment_reference,
      total_cents: 16100,
      reason: 'customer-request',
      locale: 'fr',
    });
    // 161,00 € of 805,00 € is a fifth: 156,00 € of the 780,00 € at 20 %, 5,00 € of the 25,00 € at 5,5 %.
    expect(JSON.parse(stored.vat)).toEqual([
      { rateBasisPoints: 2000, totalCents: 15600, vatCents: 2600, netCents: 13000 },
      { rateBasisPoints: 550, totalCents: 500, vatCents: 26, netCents: 474 },
    ]);
    expect(JSON.parse(stored.lines)).toEqual([
      {
        description: `Remboursement sur la facture ${invoice.number}`,
        quantity: 1,
        unitPriceCents: 15600,
        vatRateBasisPoints: 2000,
        totalCents: 15600,
      },
      {
        description: `Remboursement sur la facture ${invoice.number}`,
        quantity: 1,
        unitPriceCents: 500,
        vatRateBasisPoints: 550,
        totalCents: 500,
      },
    ]);
    expect(await row(invoice.id)).toEqual(invoiceBefore);

    const documents = await invoices().forOrder('partly-refunded');
    expect(documents.map((d) => [d.kind, d.number, d.totalCents])).toEqual([
      ['invoice', invoice.number, 80500],
      ['credit-note', note.number, 16100],
    ]);
  });

  it('is issued once per refund: asked again for the same refund, it returns the same credit note', async () => {
    const invoice = await issue('refunded-twice');
    const first = await credit(invoice.id, 'refund-2', 5000);
    const notes = await lastNumber('credit-note');
    const again = await credit(invoice.id, 'refund-2', 5000);
    expect(again).toEqual(first);
    expect(await lastNumber('credit-note')).toBe(notes);
    const rows = await tables()
      .selectFrom('invoices_documents')
      .select('id')
      .where('refund_id', '=', 'refund-2')
      .execute();
    expect(rows).toHaveLength(1);
    // The same refund id on other terms is a mistake, not a second refund.
    await expect(credit(invoice.id, 'refund-2', 6000)).rejects.toThrow(/credited already/);
  });

  it('credits an invoice in several parts that add up to its total and its VAT to the cent; never more than it', async () => {
    const invoice = await issue('refunded-in-parts');
    const invoiceVat = await vatOf(invoice.id);
    const parts = [3333, 12345, 80500 - 3333 - 12345];
    const notes = [];
    for (const [i, amount] of parts.entries()) notes.push(await credit(invoice.id, `refund-part-${i}`, amount));
    const shares = (await Promise.all(notes.map((note) => vatOf(note.id)))).flat();
    for (const share of invoiceVat) {
      const atRate = shares.filter((s) => s.rateBasisPoints === share.rateBasisPoints);
      expect(atRate.reduce((sum, s) => sum + s.totalCents, 0)).toBe(share.totalCents);
      expect(atRate.reduce((sum, s) => sum + s.vatCents, 0)).toBe(share.vatCents);
    }

    // Nothing is left: one more cent is refused, and its transaction gives the number back.
    const before = await lastNumber('credit-note');
    await expect(credit(invoice.id, 'refund-part-too-many', 1)).rejects.toThrow(/0 cents left to credit/);
    expect(await lastNumber('credit-note')).toBe(before);
  });

  it('a full refund repeats the invoice’s lines and VAT', async () => {
    const invoice = await issue('fully-refunded');
    const note = await credit(invoice.id, 'refund-full', 80500, 'cancelled-by-shop');
    const [invoiceRow, noteRow] = await Promise.all([row(invoice.id), row(note.id)]);
    expect(noteRow.lines).toBe(invoiceRow.lines);
    expect(JSON.parse(noteRow.vat)).toEqual(JSON.parse(invoiceRow.vat));
    expect(noteRow.total_cents).toBe(invoiceRow.total_cents);
  });

  it('credits only an invoice that exists', async () => {
    const before = await lastNumber('credit-note');
    await expect(credit('no-such-invoice', 'refund-x', 100)).rejects.toThrow(/No invoice/);
    const invoice = await issue('credit-of-credit');
    const note = await credit(invoice.id, 'refund-y', 100);
    await expect(credit(note.id, 'refund-z', 100)).rejects.toThrow(/No invoice/);
    expect(await lastNumber('credit-note')).toBe(before + 1);
  });
});

describe('sharing a partial refund among VAT rates', () => {
  it('shares in whole cents that add up to the amount, in proportion', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(16100, [78000, 2500])).toEqual([15600, 500]);
    expect(apportion(1, [78000, 2500])).toEqual([1, 0]);
    expect(apportion(0, [5, 5])).toEqual([0, 0]);
    for (const amount of [1, 7, 99, 1234, 80499]) {
      const shares = apportion(amount, [78000, 2500, 1]);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
    }
  });

  it('refuses a credit of nothing, or of more than is left', () => {
    const invoice = {
      number: 'FA-000001',
      totalCents: 1000,
      lines: [{ description: 'x', quantity: 1, unitPriceCents: 1000, vatRateBasisPoints: 2000, totalCents: 1000 }],
      vat: [{ rateBasisPoints: 2000, totalCents: 1000, vatCents: 167, netCents: 833 }],
    };
    expect(() => creditPlan(invoice, [], 0, 'en')).toThrow(/positive amount/);
    expect(() => creditPlan(invoice, [], 1001, 'en')).toThrow(/1000 cents left/);
    expect(() => creditPlan(invoice, [{ totalCents: 600, vat: [] }], 401, 'en')).toThrow(/400 cents left/);
    expect(creditPlan(invoice, [], 500, 'en').lines[0]?.description).toBe('Refund on invoice FA-000001');
  });
});
