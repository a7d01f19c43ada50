/**
 * The invoices module's tables. A document (invoice or credit note) is written once, when it is
 * issued, and never changed: what it says (buyer, lines, VAT, the seller as they were) is copied
 * into it as JSON, so a later change to the order, the catalog or the settings cannot alter it.
 */
export interface InvoiceTables {
  invoices_series: {
    /** 'invoice' or 'credit-note': each kind of document is numbered in its own series. */
    series: string;
    /** The last number given in the series; the next document takes this plus one. */
    last_number: number;
    /** The issue time of that last document: a later number is never dated earlier. */
    last_issued_at: string | null;
  };
  invoices_documents: {
    id: string;
    kind: 'invoice' | 'credit-note';
    series: string;
    /** The document's place in its series: 1, 2, 3… with no gap. */
    sequence: number;
    /** As printed: FA-000001, AV-000001. */
    number: string;
    issued_at: string;
    order_id: string;
    order_number: string;
    /** For a credit note, the invoice it credits. */
    invoice_id: string | null;
    /** For a credit note, the refund it records: one credit note per refund. */
    refund_id: string | null;
    member_id: string | null;
    locale: string;
    currency: string;
    buyer_name: string;
    buyer_email: string;
    /** JSON: BuyerAddress. */
    buyer_address: string;
    /** JSON: DocumentLine[]. */
    lines: string;
    total_cents: number;
    /** JSON: VatShare[], one per rate. */
    vat: string;
    /** JSON: SellerSnapshot, the seller's identity when the document was issued. */
    seller: string;
    payment_reference: string;
    /** For a credit note, why the money went back (a code from the refund). */
    reason: string | null;
  };
}

export type DocumentRow = InvoiceTables['invoices_documents'];
export type SeriesRow = InvoiceTables['invoices_series'];
