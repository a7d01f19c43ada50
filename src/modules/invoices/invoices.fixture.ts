import type { InvoiceInput } from './invoice-service.js';

/**
 * A paid order as commerce hands it to issueInvoice: a hoodie and a course at 20 %, a book at
 * 5,5 %, bought by a buyer whose name and address have accents.
 */
export function invoiceInput(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    orderId: 'order-1',
    orderNumber: 'order-1',
    issuedAt: new Date('2026-12-04T10:00:00.000Z'),
    locale: 'fr',
    currency: 'EUR',
    memberId: null,
    buyer: {
      name: 'Édith Lefèvre',
      email: 'edith.lefevre@example.com',
      address: { line1: '12 rue de l’Église', line2: 'Bâtiment B', postalCode: '75011', city: 'Paris', country: 'FR' },
    },
    lines: [
      { description: 'Sweat à capuche Code Academy — M', quantity: 2, unitPriceCents: 4500, vatRateBasisPoints: 2000 },
      {
        description: 'Les fondamentaux de JavaScript — 11 janvier 2027',
        quantity: 1,
        unitPriceCents: 69000,
        vatRateBasisPoints: 2000,
      },
      { description: 'Livre « Apprendre à coder »', quantity: 1, unitPriceCents: 2500, vatRateBasisPoints: 550 },
    ],
    paymentReference: 'sbx_pay_7f3a9c',
    ...overrides,
  };
}
