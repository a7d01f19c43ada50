import { defineCookie, defineData } from '../../privacy/core/declare.js';
import type { CommerceTables } from './commerce-tables.js';

/**
 * Accounting records: the French Commercial Code (L123-22) keeps them ten years, so an erasure
 * request keeps who bought, where to and for how much until then; everything else about the
 * buyer is erased at once.
 */
const accountingHold = {
  hold: 'P10Y',
  from: 'created_at',
  after: { en: 'the order', fr: 'la commande' },
  basis: 'legal-obligation',
  reason: {
    en: 'An order is an accounting record: the law (French Commercial Code, art. L123-22) requires us to keep who bought what and where it was billed, even after an erasure request.',
    fr: 'Une commande est une pièce comptable : la loi (Code de commerce, art. L123-22) nous impose de conserver qui a acheté quoi et l’adresse de facturation, même après une demande d’effacement.',
  },
  // The row stays, so its never-empty columns keep a placeholder once the ten years are over.
  releasedAs: { text: 'erased' },
} as const;

const billingAddress = {
  category: 'postal-address',
  says: { en: 'Your billing address', fr: 'Votre adresse de facturation' },
  erase: accountingHold,
} as const;
// Said apart from the rest of the address: the policy lists each saying once per set of rules, and
// this line's rules differ (it may be empty, so nothing stands in for it once released).
const billingAddressOptional = {
  ...billingAddress,
  says: {
    en: 'The second line of your billing address, if any',
    fr: 'Le complément de votre adresse de facturation, le cas échéant',
  },
  erase: { ...accountingHold, releasedAs: null },
} as const;

const shippingAddress = {
  category: 'postal-address',
  says: {
    en: 'The delivery address, when the order holds goods to send',
    fr: 'L’adresse de livraison, quand la commande contient des articles à envoyer',
  },
} as const;

const card = {
  category: 'payment-token',
  says: {
    en: 'The brand, last four digits and expiry of the card that paid (never its number: the card is typed on the payment provider’s page)',
    fr: 'La marque, les quatre derniers chiffres et l’expiration de la carte qui a payé (jamais son numéro : la carte est saisie sur la page du prestataire de paiement)',
  },
} as const;

/** Anti-fraud signals of the checkout: kept a short time, on legitimate interests (GDPR art. 6(1)(f)). */
const fraudSignal = {
  purposes: ['security'],
  basis: 'legitimate-interests',
  retention: {
    keep: 'P3M',
    reason: {
      en: 'To recognise fraudulent orders and card testing while a payment can still be disputed by the bank in most cases.',
      fr: 'Pour reconnaître les commandes frauduleuses et les tests de cartes volées tant qu’un paiement peut le plus souvent encore être contesté auprès de la banque.',
    },
  },
} as const;

export const commerceData = defineData<CommerceTables>()({
  module: 'commerce',
  tables: {
    commerce_carts: {
      about: { en: 'Your cart', fr: 'Votre panier' },
      note: {
        en: 'A visitor’s cart is found only by the random key in their cart cookie; a member’s cart follows their account.',
        fr: 'Le panier d’un visiteur n’est retrouvé que par la clé aléatoire de son cookie de panier ; celui d’un membre suit son compte.',
      },
      subject: [{ column: 'member_id', kind: 'account-id', of: ['member'] }],
      purposes: ['service'],
      basis: 'contract',
      retention: {
        keep: 'P30D',
        from: 'updated_at',
        after: { en: 'the last change to the cart', fr: 'la dernière modification du panier' },
        reason: {
          en: 'A cart left that long is abandoned; we do not use it to send reminders.',
          fr: 'Un panier laissé aussi longtemps est abandonné ; nous ne nous en servons pas pour vous relancer.',
        },
      },
      erase: 'delete',
      columns: {
        lines: {
          category: 'transaction',
          says: { en: 'What you put in your cart', fr: 'Ce que vous avez mis dans votre panier' },
        },
      },
      nonPersonal: ['id', 'token_hash', 'member_id', 'version', 'created_at', 'updated_at', 'expires_at'],
    },
    commerce_orders: {
      about: { en: 'Your orders', fr: 'Vos commandes' },
      note: {
        en: 'An order that was never paid is deleted 90 days after it lapsed.',
        fr: 'Une commande jamais payée est supprimée 90 jours après son expiration.',
      },
      subject: [
        { column: 'member_id', kind: 'account-id', of: ['member'] },
        // A guest buyer, or a member who bought before signing up, is found by the address.
        { column: 'email', kind: 'email', of: ['member', 'customer'] },
      ],
      purposes: ['service', 'support', 'legal'],
      basis: 'contract',
      retention: {
        keep: 'P10Y',
        from: 'created_at',
        after: { en: 'the order', fr: 'la commande' },
        reason: {
          en: 'Orders are accounting records, which the French Commercial Code (art. L123-22) requires us to keep.',
          fr: 'Les commandes sont des pièces comptables, que le Code de commerce (art. L123-22) nous impose de conserver.',
        },
      },
      erase: 'pseudonymize',
      columns: {
        member_id: {
          category: 'identity',
          says: { en: 'Your account, if you were signed in', fr: 'Votre compte, si vous étiez connecté' },
          erase: { pseudonymize: null },
        },
        email: {
          category: 'contact',
          says: {
            en: 'Your email address, for the confirmation, the invoice and news of your order',
            fr: 'Votre adresse e-mail, pour la confirmation, la facture et le suivi de votre commande',
          },
          erase: accountingHold,
        },
        buyer_name: {
          category: 'identity',
          says: { en: 'Your name, as billed', fr: 'Votre nom, tel que facturé' },
          erase: accountingHold,
        },
        billing_line1: billingAddress,
        billing_line2: billingAddressOptional,
        billing_postal_code: billingAddress,
        billing_city: billingAddress,
        billing_country: billingAddress,
        shipping_name: shippingAddress,
        shipping_line1: shippingAddress,
        shipping_line2: shippingAddress,
        shipping_postal_code: shippingAddress,
        shipping_city: shippingAddress,
        shipping_country: shippingAddress,
        lines: {
          category: 'transaction',
          says: {
            en: 'What you bought, at what price and VAT rate',
            fr: 'Ce que vous avez acheté, à quel prix et quel taux de TVA',
          },
          erase: accountingHold,
        },
        terms_accepted_at: {
          category: 'consent-record',
          says: {
            en: 'When you accepted the terms of sale, and which version',
            fr: 'Quand vous avez accepté les conditions générales de vente, et quelle version',
          },
          purposes: ['legal'],
          erase: accountingHold,
        },
        early_start_requested_at: {
          category: 'consent-record',
          says: {
            en: 'When you asked that a course start within your 14-day withdrawal period',
            fr: 'Quand vous avez demandé qu’un cours commence pendant votre délai de rétractation de 14 jours',
          },
          purposes: ['legal'],
          erase: { ...accountingHold, releasedAs: null },
        },
        checkout_ip: {
          category: 'connection',
          says: { en: 'The IP address you ordered from', fr: 'L’adresse IP depuis laquelle vous avez commandé' },
          ...fraudSignal,
        },
        checkout_user_agent: {
          category: 'device',
          says: { en: 'The browser you ordered with', fr: 'Le navigateur avec lequel vous avez commandé' },
          ...fraudSignal,
        },
        payment_reference: {
          category: 'payment-token',
          says: {
            en: 'The payment provider’s reference for your payment, to refund it or answer your bank',
            fr: 'La référence de votre paiement chez le prestataire, pour le rembourser ou répondre à votre banque',
          },
          erase: { ...accountingHold, releasedAs: null },
        },
        card_brand: card,
        card_last4: card,
        card_exp_month: card,
        card_exp_year: card,
      },
      nonPersonal: [
        'id',
        'status',
        'locale',
        'currency',
        'total_cents',
        'vat_cents',
        'terms_version',
        'checkout_key',
        'created_at',
        'updated_at',
        'expires_at',
        'reminded_at',
        'paid_at',
        'fulfilled_at',
        'cancelled_at',
        'invoice_id',
        'invoice_number',
        'refunded_cents',
        'disputed_cents',
      ],
    },
    commerce_payments: {
      about: {
        en: 'Attempts to pay an order: the payment provider’s reference, state and amount. Who paid is on the order, not here; the card never reaches the shop.',
        fr: 'Tentatives de paiement d’une commande : référence chez le prestataire, état et montant. Qui a payé figure sur la commande, pas ici ; la carte n’atteint jamais la boutique.',
      },
      nonPersonal: [
        'id',
        'order_id',
        'gateway',
        'reference',
        'state',
        'amount_cents',
        'failure',
        'url',
        'created_at',
        'updated_at',
        'expires_at',
      ],
    },
    commerce_gateway_events: {
      about: {
        en: 'Which notifications of the payment provider were received and what they did: their ids and types, never their content.',
        fr: 'Les notifications du prestataire de paiement reçues et leur effet : identifiants et types, jamais leur contenu.',
      },
      nonPersonal: ['id', 'type', 'reference', 'order_id', 'received_at', 'outcome'],
    },
    commerce_refunds: {
      about: {
        en: 'Refunds of orders: amounts, states and reasons from a fixed list. Who was refunded is on the order.',
        fr: 'Remboursements des commandes : montants, états et motifs d’une liste fixe. Qui a été remboursé figure sur la commande.',
      },
      nonPersonal: [
        'id',
        'order_id',
        'payment_reference',
        'gateway_refund_id',
        'amount_cents',
        'state',
        'reason',
        'created_at',
        'updated_at',
      ],
    },
    commerce_disputes: {
      about: { en: 'Disputed payments', fr: 'Paiements contestés' },
      note: {
        en: 'When a buyer’s bank disputes a payment, staff note what answers it (proof of delivery or attendance).',
        fr: 'Quand la banque d’un acheteur conteste un paiement, le personnel note ce qui y répond (preuve de livraison ou de présence).',
      },
      subject: [{ column: 'evidence_notes', kind: 'mentions', of: ['member', 'customer'], scope: 'column' }],
      purposes: ['legal'],
      basis: 'legitimate-interests',
      retention: {
        keep: 'P5Y',
        from: 'updated_at',
        after: { en: 'the dispute’s last change', fr: 'la dernière évolution du litige' },
        reason: {
          en: 'To defend the shop in a claim about the payment, within the limitation period of the Civil Code (art. 2224).',
          fr: 'Pour défendre la boutique dans une réclamation sur le paiement, dans le délai de prescription du Code civil (art. 2224).',
        },
      },
      erase: 'pseudonymize',
      columns: {
        evidence_notes: {
          category: 'communications',
          says: {
            en: 'What staff noted to answer your bank’s dispute',
            fr: 'Ce que le personnel a noté pour répondre à la contestation de votre banque',
          },
          erase: { pseudonymize: null },
        },
      },
      nonPersonal: ['id', 'order_id', 'state', 'amount_cents', 'reason', 'opened_at', 'updated_at'],
    },
  },
});

/** The guest's cart: a random key, so the cart survives a closed tab. Members' carts follow the account. */
export const cartCookie = defineCookie({
  name: 'vitrine_cart',
  category: 'essential',
  purpose: {
    en: 'Keeps what you put in your cart while you are not signed in. It holds a random key, nothing about you.',
    fr: 'Garde ce que vous avez mis dans votre panier quand vous n’êtes pas connecté. Il contient une clé aléatoire, rien sur vous.',
  },
  duration: 'P30D',
  httpOnly: true,
});
