import { defineData } from '../../privacy/core/declare.js';
import type { InvoiceTables } from './invoices-tables.js';

/**
 * Invoices and credit notes are accounting records: the French Commercial Code (L123-22) keeps
 * them, so an erasure request keeps who was billed, where and for what until then; the link to
 * the buyer's account is cut at once.
 */
const accountingHold = {
  hold: 'P10Y',
  from: 'issued_at',
  after: { en: 'the invoice or credit note was issued', fr: 'l’émission de la facture ou de l’avoir' },
  basis: 'legal-obligation',
  reason: {
    en: 'An invoice is an accounting record: the law (French Commercial Code, art. L123-22) requires us to keep it as it was issued, buyer included, even after an erasure request.',
    fr: 'Une facture est une pièce comptable : la loi (Code de commerce, art. L123-22) nous impose de la conserver telle qu’elle a été émise, acheteur compris, même après une demande d’effacement.',
  },
  // The row stays, so its never-empty columns keep a placeholder once the hold is over.
  releasedAs: { text: 'erased' },
} as const;

export const invoicesData = defineData<InvoiceTables>()({
  module: 'invoices',
  tables: {
    invoices_series: {
      about: {
        en: 'The numbering of invoices and credit notes: the last number given in each series and its date.',
        fr: 'La numérotation des factures et des avoirs : le dernier numéro attribué dans chaque série et sa date.',
      },
      nonPersonal: ['series', 'last_number', 'last_issued_at'],
    },
    invoices_documents: {
      about: { en: 'Your invoices and credit notes', fr: 'Vos factures et avoirs' },
      note: {
        en: 'Each is issued when an order is paid or refunded, with the seller’s identity as it was then, and is never changed.',
        fr: 'Chacun est émis quand une commande est payée ou remboursée, avec l’identité du vendeur telle qu’elle était alors, et n’est jamais modifié.',
      },
      subject: [
        { column: 'member_id', kind: 'account-id', of: ['member'] },
        // A guest buyer, or a member who bought before signing up, is found by the address.
        { column: 'buyer_email', kind: 'email', of: ['member', 'customer'] },
      ],
      purposes: ['service', 'legal'],
      basis: 'legal-obligation',
      retention: {
        keep: 'P10Y',
        from: 'issued_at',
        after: { en: 'the invoice or credit note was issued', fr: 'l’émission de la facture ou de l’avoir' },
        reason: {
          en: 'Invoices are accounting records, which the French Commercial Code (art. L123-22) requires us to keep.',
          fr: 'Les factures sont des pièces comptables, que le Code de commerce (art. L123-22) nous impose de conserver.',
        },
      },
      erase: 'pseudonymize',
      columns: {
        member_id: {
          category: 'identity',
          says: { en: 'Your account, if you were signed in', fr: 'Votre compte, si vous étiez connecté' },
          erase: { pseudonymize: null },
        },
        buyer_name: {
          category: 'identity',
          says: { en: 'Your name, as billed', fr: 'Votre nom, tel que facturé' },
          erase: accountingHold,
        },
        buyer_email: {
          category: 'contact',
          says: { en: 'Your email address, as billed', fr: 'Votre adresse e-mail, telle que facturée' },
          erase: accountingHold,
        },
        buyer_address: {
          category: 'postal-address',
          says: { en: 'Your billing address', fr: 'Votre adresse de facturation' },
          erase: accountingHold,
        },
        lines: {
          category: 'transaction',
          says: {
            en: 'What you bought or were refunded, at what price and VAT rate',
            fr: 'Ce que vous avez acheté ou qui vous a été remboursé, à quel prix et quel taux de TVA',
          },
          erase: accountingHold,
        },
        payment_reference: {
          category: 'payment-token',
          says: {
            en: 'The payment provider’s reference for your payment',
            fr: 'La référence de votre paiement chez le prestataire',
          },
          erase: accountingHold,
        },
      },
      nonPersonal: [
        'id',
        'kind',
        'series',
        'sequence',
        'number',
        'issued_at',
        'order_id',
        'order_number',
        'invoice_id',
        'refund_id',
        'locale',
        'currency',
        'total_cents',
        'vat',
        'seller',
        'reason',
      ],
    },
  },
});
