import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { pdfText } from '../../../test/pdf-text.js';
import { InvoiceStore } from './invoice-store.js';
import { InvoiceService } from './invoice-service.js';
import { invoicesModule } from './index.js';
import { invoiceInput } from './invoices.fixture.js';
import { winAnsi } from './win-ansi.js';

describeEachEngine('invoice and credit note PDFs: what French law asks an invoice to say', (suite) => {
  const invoices = () => suite.context.servicesOf(invoicesModule).invoices;
  const issue = (overrides: Parameters<typeof invoiceInput>[0] = {}) =>
    suite.database.db.transaction().execute((trx) => invoices().issueInvoice(trx, invoiceInput(overrides)));
  const issuedAt = new Date('2027-01-15T09:30:00.000Z');

  it('in French: seller, number and date, buyer, order, lines, VAT per rate, totals, payment terms', async () => {
    const invoice = await issue({ orderId: 'pdf-fr', orderNumber: 'CMD-PDF-FR', issuedAt });
    const { text, pages } = await pdfText(await invoices().pdf(invoice.id));
    expect(pages).toBe(1);
    for (const expected of [
      // The seller, from the settings (demo/seller.json, demo/shop.json).
      'Code Academy SAS',
      'Société par actions simplifiée (SAS) au capital de 10 000 €',
      '35 rue le Marois',
      '75016 Paris',
      'RCS Paris 912 345 678',
      'SIRET 912 345 678 00017',
      'N° de TVA intracommunautaire : FR40912345678',
      // The document.
      'Facture',
      `N° ${invoice.number}`,
      'Date : 15 janvier 2027',
      'Commande : CMD-PDF-FR',
      'Référence de paiement : sbx_pay_7f3a9c',
      // The buyer.
      'Facturé à',
      'Édith Lefèvre',
      '12 rue de l’Église',
      'Bâtiment B',
      '75011 Paris',
      'France',
      'edith.lefevre@example.com',
      // The lines: description, quantity, unit price excl. and incl. VAT, rate, total.
      'Sweat à capuche Code Academy — M 2 37,50 € 20 % 45,00 € 90,00 €',
      'Les fondamentaux de JavaScript — 11 janvier 2027 1 575,00 € 20 % 690,00 € 690,00 €',
      'Livre « Apprendre à coder » 1 23,70 € 5,5 % 25,00 € 25,00 €',
      // VAT per rate: base excl. VAT, VAT, total incl. VAT.
      'Taux de TVA Base HT TVA Total TTC',
      '20 % 650,00 € 130,00 € 780,00 €',
      '5,5 % 23,70 € 1,30 € 25,00 €',
      'Total HT 673,70 €',
      'Total TVA 131,30 €',
      'Total TTC 805,00 €',
      'indemnité forfaitaire de 40 €',
      `${invoice.number} · Page 1/1`,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Avoir');
  });

  it('in English, with amounts and rates as English readers write them', async () => {
    const invoice = await issue({ orderId: 'pdf-en', orderNumber: 'ORD-PDF-EN', issuedAt, locale: 'en' });
    const { text } = await pdfText(await invoices().pdf(invoice.id));
    for (const expected of [
      'Code Academy SAS',
      'Simplified joint-stock company (SAS) with a share capital of €10,000',
      'RCS Paris 912 345 678',
      'VAT number: FR40912345678',
      'Invoice',
      `No. ${invoice.number}`,
      'Date: 15 January 2027',
      'Order: ORD-PDF-EN',
      'Billed to',
      'Édith Lefèvre',
      'France',
      'Sweat à capuche Code Academy — M 2 €37.50 20% €45.00 €90.00',
      'Livre « Apprendre à coder » 1 €23.70 5.5% €25.00 €25.00',
      '20% €650.00 €130.00 €780.00',
      '5.5% €23.70 €1.30 €25.00',
      'Total excl. VAT €673.70',
      'Total VAT €131.30',
      'Total incl. VAT €805.00',
      'fixed €40 recovery fee',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Facture');
  });

  it('a credit note says it is one, which invoice it credits, why, and what it gives back', async () => {
    const invoice = await issue({ orderId: 'pdf-credit', orderNumber: 'CMD-PDF-AV', issuedAt });
    const note = await suite.database.db.transaction().execute((trx) =>
      invoices().issueCreditNote(trx, {
        invoiceId: invoice.id,
        issuedAt: new Date('2027-01-20T10:00:00.000Z'),
        amountCents: 16100,
        reason: 'customer-request',
        refundId: 'pdf-refund',
      }),
    );
    const { text } = await pdfText(await invoices().pdf(note.id));
    for (const expected of [
      'Avoir',
      `N° ${note.number}`,
      'Date : 20 janvier 2027',
      `Avoir sur la facture ${invoice.number} du 15 janvier 2027`,
      'Motif : À la demande du client',
      'Commande : CMD-PDF-AV',
      'Édith Lefèvre',
      `Remboursement sur la facture ${invoice.number} 1 130,00 € 20 % 156,00 € 156,00 €`,
      '20 % 130,00 € 26,00 € 156,00 €',
      '5,5 % 4,74 € 0,26 € 5,00 €',
      'Total de l’avoir TTC 161,00 €',
      'RCS Paris 912 345 678',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('pénalités'); // the payment terms are an invoice's
  });

  it('keeps the seller as they were when it was issued, whatever the settings say later', async () => {
    const invoice = await issue({ orderId: 'pdf-seller', issuedAt });
    const moved = new InvoiceService(new InvoiceStore(suite.database), () => ({
      shopName: 'Code Academy',
      companyName: 'Code Academy Lyon SARL',
      legalForm: { fr: 'SARL au capital de 5 000 €', en: 'SARL with a share capital of €5,000' },
      address: { street: '1 place Bellecour', postalCode: '69002', city: 'Lyon', country: 'France' },
      registration: 'RCS Lyon 123 456 789',
      siret: '123 456 789 00011',
      vatNumber: 'FR00123456789',
      email: 'lyon@example.com',
      phone: '+33 4 00 00 00 00',
      invoiceFooter: { fr: 'Payé à la commande.', en: 'Paid when ordered.' },
    }));
    const old = (await pdfText(await moved.pdf(invoice.id))).text;
    expect(old).toContain('RCS Paris 912 345 678');
    expect(old).not.toContain('Lyon');
    const later = await suite.database.db
      .transaction()
      .execute((trx) => moved.issueInvoice(trx, invoiceInput({ orderId: 'pdf-seller-later', issuedAt })));
    const fresh = (await pdfText(await moved.pdf(later.id))).text;
    expect(fresh).toContain('RCS Lyon 123 456 789');
    expect(fresh).toContain('FR00123456789');
  });

  it('renders the same bytes each time, and one page after another for a long order, header repeated', async () => {
    const lines = Array.from({ length: 45 }, (_, i) => ({
      description: `Atelier n° ${i + 1} — réservé`,
      quantity: 1,
      unitPriceCents: 10000 + i,
      vatRateBasisPoints: 2000,
    }));
    const invoice = await issue({ orderId: 'pdf-long', lines, issuedAt });
    const pdf = await invoices().pdf(invoice.id);
    expect((await invoices().pdf(invoice.id)).equals(pdf)).toBe(true);
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(2);
    for (let i = 1; i <= 45; i++) expect(text).toContain(`Atelier n° ${i} — réservé`);
    expect(text).toContain(`${invoice.number} · Page 2/2`);
    expect(text.split('Désignation Qté P.U. HT TVA P.U. TTC Total TTC')).toHaveLength(3);
    // Thousands are grouped with a narrow no-break space in French, which the PDF writes as a space.
    expect(text).toContain('20 % 3 758,25 € 751,65 € 4 509,90 €');
    expect(text).toContain('Total TTC 4 509,90 €');
  });

  it('answers VT_INVOICE_NOT_FOUND for a document that does not exist', async () => {
    await expect(invoices().pdf('no-such-document')).rejects.toMatchObject({ code: 'VT_INVOICE_NOT_FOUND' });
  });
});

describe('text for the PDF standard fonts', () => {
  it('keeps French, the euro and typographic quotes; brings other spaces and letters into WinAnsi', () => {
    expect(winAnsi('Édith Lefèvre « Œuvre » l’été – 12,00 €')).toBe('Édith Lefèvre « Œuvre » l’été – 12,00 €');
    expect(winAnsi('1\u202f234,56\u00a0€')).toBe('1\u00a0234,56\u00a0€');
    expect(winAnsi('Erdős Łukasz 王')).toBe('Erdos ?ukasz ?');
    expect(winAnsi('a\u0007b')).toBe('a?b');
  });
});
