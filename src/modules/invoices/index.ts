import { defineModule } from '../../platform/module.js';
import type { PlatformContext } from '../../platform/platform-context.js';
import { sellerSnapshot } from './invoice-document.js';
import { InvoiceService } from './invoice-service.js';
import { InvoiceStore } from './invoice-store.js';
import * as invoicesMigration from './migrations/20261204_49_invoices.js';
import { invoicesData } from './privacy.js';

export type { InvoiceDocument } from './invoice-document.js';
export type { CreditNoteInput, DocumentSummary, InvoiceInput, InvoiceService } from './invoice-service.js';

export type InvoiceServices = ReturnType<typeof invoiceServices>;

function invoiceServices(platform: PlatformContext) {
  const { shop } = platform;
  return {
    /** Commerce's InvoiceIssuer, and the back office's list of documents. */
    invoices: new InvoiceService(new InvoiceStore(platform.database), () =>
      sellerSnapshot(shop.identity(), shop.seller()),
    ),
  };
}

/** Invoices and credit notes: legal numbering in the payment's transaction, PDF, kept ten years. */
export const invoicesModule = defineModule({
  name: 'invoices',
  migrations: { '20261204_49_invoices': invoicesMigration },
  data: [invoicesData],
  services: invoiceServices,
});
