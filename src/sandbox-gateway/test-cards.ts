/** Why a card was declined: the words Stripe uses, which the shop's port uses too. */
export type FailureReason =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'authentication_failed'
  | 'processing_error';

/**
 * What a test card does when it pays. The numbers are Stripe's test cards, so a developer who
 * knows one knows the other. Any other number that passes the Luhn check is declined: this
 * gateway never takes a real card.
 */
export type CardBehaviour =
  | { kind: 'succeed'; after?: 'dispute' | 'refunds-fail' }
  | { kind: 'decline'; reason: FailureReason }
  | { kind: 'authenticate' };

export interface TestCard {
  number: string;
  behaviour: CardBehaviour;
  says: { en: string; fr: string };
}

export const testCards: readonly TestCard[] = [
  { number: '4242424242424242', behaviour: { kind: 'succeed' }, says: { en: 'succeeds', fr: 'réussit' } },
  {
    number: '4000000000000002',
    behaviour: { kind: 'decline', reason: 'card_declined' },
    says: { en: 'declined', fr: 'refusée' },
  },
  {
    number: '4000000000009995',
    behaviour: { kind: 'decline', reason: 'insufficient_funds' },
    says: { en: 'insufficient funds', fr: 'provision insuffisante' },
  },
  {
    number: '4000002760003184',
    behaviour: { kind: 'authenticate' },
    says: { en: 'asks for 3-D Secure authentication', fr: 'demande une authentification 3-D Secure' },
  },
  {
    number: '4000000000000259',
    behaviour: { kind: 'succeed', after: 'dispute' },
    says: { en: 'succeeds, then is disputed', fr: 'réussit, puis est contestée' },
  },
  {
    number: '4000000000005126',
    behaviour: { kind: 'succeed', after: 'refunds-fail' },
    says: { en: 'succeeds; its refunds fail', fr: 'réussit ; ses remboursements échouent' },
  },
  {
    number: '4000000000000069',
    behaviour: { kind: 'decline', reason: 'expired_card' },
    says: { en: 'declined: expired card', fr: 'refusée : carte expirée' },
  },
  {
    number: '4000000000000127',
    behaviour: { kind: 'decline', reason: 'incorrect_cvc' },
    says: { en: 'declined: wrong security code', fr: 'refusée : cryptogramme erroné' },
  },
  {
    number: '4000000000000119',
    behaviour: { kind: 'decline', reason: 'processing_error' },
    says: { en: 'declined: processing error', fr: 'refusée : erreur de traitement' },
  },
  {
    number: '5555555555554444',
    behaviour: { kind: 'succeed' },
    says: { en: 'Mastercard, succeeds', fr: 'Mastercard, réussit' },
  },
  {
    number: '378282246310005',
    behaviour: { kind: 'succeed' },
    says: { en: 'American Express (4-digit code), succeeds', fr: 'American Express (code à 4 chiffres), réussit' },
  },
];

/** What a number does: a test card's behaviour, or a decline for any other (real) card. */
export function behaviourOf(number: string): { behaviour: CardBehaviour; testCard: boolean } {
  const card = testCards.find((candidate) => candidate.number === number);
  return card
    ? { behaviour: card.behaviour, testCard: true }
    : { behaviour: { kind: 'decline', reason: 'card_declined' }, testCard: false };
}

/** "4242 4242 4242 4242", as printed on a card (Amex: 4-6-5). */
export function formatCardNumber(number: string): string {
  const groups = number.length === 15 ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= number.length) break;
    parts.push(number.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}
