import type { Transaction } from 'kysely';
import { randomId } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/http/errors.js';
import { vatBreakdown } from '../../platform/vat.js';
import { creditPlan } from './credit-plan.js';
import { type BuyerAddress, type DocumentLine, type SellerSnapshot, documentOf } from './invoice-document.js';
import { renderDocumentPdf } from './invoice-pdf.js';
import type { InvoiceStore } from './invoice-store.js';
import type { DocumentRow, InvoiceTables } from './invoices-tables.js';
import { documentNumber, seriesOf } from './numbering.js';

/** What an invoice is issued from: the paid order, as commerce states it (its InvoiceIssuer port). */
export interface InvoiceInput {
  orderId: string;
  orderNumber: string;
  issuedAt: Date;
  locale: 'fr' | 'en';
  currency: string;
  memberId: string | null;
  buyer: { name: string; email: string; address: BuyerAddress };
  lines: { description: string; quantity: number; unitPriceCents: number; vatRateBasisPoints: number }[];
  paymentReference: string;
}

export interface CreditNoteInput {
  invoiceId: string;
  issuedAt: Date;
  amountCents: number;
  /** Why the money went back: the refund's reason code. */
  reason: string;
  /** One credit note per refund: asked again with the same id, the same credit note is returned. */
  refundId: string;
}

/** A document as lists show it. */
export interface DocumentSummary {
  id: string;
  kind: 'invoice' | 'credit-note';
  number: string;
  issuedAt: string;
  totalCents: number;
}

export const documentsPerPage = 50;

/**
 * Invoices and credit notes (commerce's InvoiceIssuer). Both are issued inside the caller's
 * transaction, the one that records the payment or the refund: the number is taken there, so it
 * exists exactly when the payment does. A document is never changed once issued; money given back
 * is a credit note in its own series that names the invoice.
 */
export class InvoiceService {
  constructor(
    private readonly store: InvoiceStore,
    /** The seller as the settings say now, copied into each document issued. */
    private readonly seller: () => SellerSnapshot,
  ) {}

  async issueInvoice<T>(trx: Transaction<T>, input: InvoiceInput): Promise<{ id: string; number: string }> {
    if (input.lines.length === 0) throw new Error(`Order ${input.orderId}: an invoice needs at least one line`);
    for (const line of input.lines) {
      const whole = [line.quantity, line.unitPriceCents, line.vatRateBasisPoints].every(Number.isInteger);
      if (!whole || line.quantity <= 0 || line.unitPriceCents < 0 || line.vatRateBasisPoints < 0)
        throw new Error(`Order ${input.orderId}: invoice line "${line.description}" has an impossible amount`);
    }
    const lines: DocumentLine[] = input.lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      vatRateBasisPoints: line.vatRateBasisPoints,
      totalCents: line.unitPriceCents * line.quantity,
    }));
    const db = trx as unknown as Transaction<InvoiceTables>;
    const taken = await this.store.takeNumber(seriesOf('invoice'), input.issuedAt.toISOString(), db);
    const row: DocumentRow = {
      id: randomId(),
      kind: 'invoice',
      series: seriesOf('invoice'),
      sequence: taken.sequence,
      number: documentNumber('invoice', taken.sequence),
      issued_at: taken.issuedAt,
      order_id: input.orderId,
      order_number: input.orderNumber,
      invoice_id: null,
      refund_id: null,
      member_id: input.memberId,
      locale: input.locale,
      currency: input.currency,
      buyer_name: input.buyer.name,
      buyer_email: input.buyer.email,
      buyer_address: JSON.stringify(addressOf(input.buyer.address)),
      lines: JSON.stringify(lines),
      total_cents: lines.reduce((sum, line) => sum + line.totalCents, 0),
      vat: JSON.stringify(vatBreakdown(lines)),
      seller: JSON.stringify(this.seller()),
      payment_reference: input.paymentReference,
      reason: null,
    };
    await this.store.insert(row, db);
    return { id: row.id, number: row.number };
  }

  /**
   * A refund of all or part of an invoice, as a credit note: the invoice's buyer and order, lines
   * describing what is given back, VAT per rate in proportion to the invoice's. The invoice itself
   * is left as it was issued.
   */
  async issueCreditNote<T>(trx: Transaction<T>, input: CreditNoteInput): Promise<{ id: string; number: string }> {
    const db = trx as unknown as Transaction<InvoiceTables>;
    const existing = await this.store.byRefund(input.refundId, db);
    if (existing) {
      if (existing.invoice_id !== input.invoiceId || existing.total_cents !== input.amountCents)
        throw new Error(`Refund ${input.refundId} was credited already, on other terms (${existing.number})`);
      return { id: existing.id, number: existing.number };
    }
    const invoiceRow = await this.store.find(input.invoiceId, db);
    if (invoiceRow?.kind !== 'invoice') throw new Error(`No invoice ${input.invoiceId} to credit`);
    const invoice = documentOf(invoiceRow);
    const taken = await this.store.takeNumber(seriesOf('credit-note'), input.issuedAt.toISOString(), db);
    // Read once the number is taken: on PostgreSQL the series row is now locked until commit, so
    // every other credit note was committed before this statement and is counted. (Two calls for
    // one refund racing here are refused by refund_id's unique index: commerce applies a refund once.)
    const credited = (await this.store.creditNotesOf(invoice.id, db)).map(documentOf);
    const plan = creditPlan(invoice, credited, input.amountCents, invoice.locale);
    const row: DocumentRow = {
      id: randomId(),
      kind: 'credit-note',
      series: seriesOf('credit-note'),
      sequence: taken.sequence,
      number: documentNumber('credit-note', taken.sequence),
      issued_at: taken.issuedAt,
      order_id: invoice.orderId,
      order_number: invoice.orderNumber,
      invoice_id: invoice.id,
      refund_id: input.refundId,
      member_id: invoice.memberId,
      locale: invoice.locale,
      currency: invoice.currency,
      buyer_name: invoice.buyer.name,
      buyer_email: invoice.buyer.email,
      buyer_address: invoiceRow.buyer_address,
      lines: JSON.stringify(plan.lines),
      total_cents: input.amountCents,
      vat: JSON.stringify(plan.vat),
      seller: JSON.stringify(this.seller()),
      payment_reference: invoice.paymentReference,
      reason: input.reason,
    };
    await this.store.insert(row, db);
    return { id: row.id, number: row.number };
  }

  /** An order's invoice and credit notes, as issued. */
  async forOrder(orderId: string): Promise<DocumentSummary[]> {
    return (await this.store.forOrder(orderId)).map(summaryOf);
  }

  async find(id: string) {
    const row = await this.store.find(id);
    return row ? documentOf(row) : undefined;
  }

  /** The document as a PDF, in its own language. Throws VT_INVOICE_NOT_FOUND for an unknown id. */
  async pdf(id: string): Promise<Buffer> {
    const row = await this.store.find(id);
    if (!row) throw new AppError('VT_INVOICE_NOT_FOUND');
    const document = documentOf(row);
    const invoice = document.invoiceId ? await this.store.find(document.invoiceId) : undefined;
    return renderDocumentPdf(document, invoice ? { number: invoice.number, issuedAt: invoice.issued_at } : null);
  }

  /** Every document, latest first, for the back office: `page` counts from 1. */
  async list(page: number): Promise<{ documents: DocumentSummary[]; page: number; pages: number; total: number }> {
    const total = await this.store.count();
    const pages = Math.max(1, Math.ceil(total / documentsPerPage));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
    const rows = await this.store.page((current - 1) * documentsPerPage, documentsPerPage);
    return { documents: rows.map(summaryOf), page: current, pages, total };
  }
}

function summaryOf(row: DocumentRow): DocumentSummary {
  return { id: row.id, kind: row.kind, number: row.number, issuedAt: row.issued_at, totalCents: row.total_cents };
}

/** Only the address's own fields: the document keeps what it prints. */
function addressOf(address: BuyerAddress): BuyerAddress {
  return {
    line1: address.line1,
    line2: address.line2 ?? null,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
  };
}
