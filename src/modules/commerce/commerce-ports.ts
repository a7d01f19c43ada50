import type { Transaction } from 'kysely';

/**
 * What commerce needs of the invoices and legal modules, stated where it is used; those modules'
 * services provide it (src/modules/invoices, src/modules/legal).
 */
export interface InvoiceIssuer {
  issueInvoice<T>(
    trx: Transaction<T>,
    input: {
      orderId: string;
      orderNumber: string;
      issuedAt: Date;
      locale: 'fr' | 'en';
      currency: string;
      memberId: string | null;
      buyer: {
        name: string;
        email: string;
        address: { line1: string; line2?: string | null; postalCode: string; city: string; country: string };
      };
      lines: { description: string; quantity: number; unitPriceCents: number; vatRateBasisPoints: number }[];
      paymentReference: string;
    },
  ): Promise<{ id: string; number: string }>;
  issueCreditNote<T>(
    trx: Transaction<T>,
    input: { invoiceId: string; issuedAt: Date; amountCents: number; reason: string; refundId: string },
  ): Promise<{ id: string; number: string }>;
  forOrder(
    orderId: string,
  ): Promise<{ id: string; kind: 'invoice' | 'credit-note'; number: string; issuedAt: string; totalCents: number }[]>;
  pdf(id: string): Promise<Buffer>;
}

/** A file a mail carries (platform/mail's MailAttachment). */
export interface TermsDocument {
  filename: string;
  contentType: string;
  content: string;
}

export interface TermsSource {
  currentTerms(): Promise<{ version: string; publishedAt: string }>;
  /**
   * The version a buyer accepted, as a standalone document in their language, for the order
   * confirmation to carry (Code de la consommation L221-13), or undefined when there is no such
   * version. `trx`: the caller's open transaction, read through.
   */
  termsDocument<T>(version: string, locale: 'fr' | 'en', trx?: Transaction<T>): Promise<TermsDocument | undefined>;
}
