import type { Locale } from '../../platform/http/i18n.js';
import type { DocumentKind } from './numbering.js';

/** What a document says around its figures, in its own language. */
export const invoiceWording = {
  fr: {
    title: { invoice: 'Facture', 'credit-note': 'Avoir' } satisfies Record<DocumentKind, string>,
    number: 'N°',
    date: 'Date',
    order: 'Commande',
    paymentReference: 'Référence de paiement',
    credits: 'Avoir sur la facture',
    of: 'du',
    reason: 'Motif',
    billedTo: 'Facturé à',
    siret: 'SIRET',
    vatNumber: 'N° de TVA intracommunautaire',
    description: 'Désignation',
    quantity: 'Qté',
    unitNet: 'P.U. HT',
    rate: 'TVA',
    unitGross: 'P.U. TTC',
    lineTotal: 'Total TTC',
    vatRate: 'Taux de TVA',
    base: 'Base HT',
    vat: 'TVA',
    gross: 'Total TTC',
    totalNet: 'Total HT',
    totalVat: 'Total TVA',
    total: { invoice: 'Total TTC', 'credit-note': 'Total de l’avoir TTC' } satisfies Record<DocumentKind, string>,
    page: 'Page',
  },
  en: {
    title: { invoice: 'Invoice', 'credit-note': 'Credit note' } satisfies Record<DocumentKind, string>,
    number: 'No.',
    date: 'Date',
    order: 'Order',
    paymentReference: 'Payment reference',
    credits: 'Credit note for invoice',
    of: 'of',
    reason: 'Reason',
    billedTo: 'Billed to',
    siret: 'SIRET',
    vatNumber: 'VAT number',
    description: 'Description',
    quantity: 'Qty',
    unitNet: 'Unit excl. VAT',
    rate: 'VAT',
    unitGross: 'Unit incl. VAT',
    lineTotal: 'Total incl. VAT',
    vatRate: 'VAT rate',
    base: 'Net amount',
    vat: 'VAT',
    gross: 'Total incl. VAT',
    totalNet: 'Total excl. VAT',
    totalVat: 'Total VAT',
    total: { invoice: 'Total incl. VAT', 'credit-note': 'Total credited incl. VAT' } satisfies Record<
      DocumentKind,
      string
    >,
    page: 'Page',
  },
} as const satisfies Record<Locale, unknown>;

/** Why the money went back, from the refund's reason code; a code not listed is shown as it is. */
const reasons: Record<string, Record<Locale, string>> = {
  'customer-request': { fr: 'À la demande du client', en: 'At the customer’s request' },
  'cancelled-by-shop': { fr: 'Annulation par le vendeur', en: 'Cancelled by the seller' },
  goodwill: { fr: 'Geste commercial', en: 'Goodwill gesture' },
  'duplicate-payment': { fr: 'Paiement en double', en: 'Duplicate payment' },
  'order-lapsed': { fr: 'Commande expirée', en: 'Order lapsed' },
};

export function reasonText(code: string, locale: Locale): string {
  return reasons[code]?.[locale] ?? code;
}

const countryNames = new Map<Locale, Intl.DisplayNames>();

/** "France", "Allemagne" / "Germany": the buyer's country from its ISO code, in the document's language. */
export function countryText(code: string, locale: Locale): string {
  let names = countryNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    countryNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a region code: shown as typed
  }
}
