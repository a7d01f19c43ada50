/**
 * Checks what the buyer typed on the hosted page, field by field, before any "bank" sees it: a
 * number that fails the Luhn check, an expiry in the past or a security code of the wrong length
 * is a typing mistake to correct, not a decline.
 */
export type CardField = 'number' | 'expiry' | 'cvc' | 'name';

export type FieldProblem =
  | 'number_missing'
  | 'number_invalid'
  | 'expiry_missing'
  | 'expiry_invalid'
  | 'expiry_past'
  | 'cvc_missing'
  | 'cvc_invalid'
  | 'name_missing'
  | 'name_too_long';

export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
  name: string;
}

export interface CheckedCard {
  number: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export type CardCheck =
  | { ok: true; card: CheckedCard }
  | { ok: false; problems: Partial<Record<CardField, FieldProblem>> };

export function checkCard(input: CardInput, now: Date): CardCheck {
  const problems: Partial<Record<CardField, FieldProblem>> = {};
  const number = input.number.replace(/[\s-]/g, '');
  if (number === '') problems.number = 'number_missing';
  else if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) problems.number = 'number_invalid';
  const brand = brandOf(number);

  const expiry = readExpiry(input.expiry);
  if (input.expiry.trim() === '') problems.expiry = 'expiry_missing';
  else if (!expiry) problems.expiry = 'expiry_invalid';
  // A card is valid until the last day of its expiry month.
  else if (expiry.year * 12 + expiry.month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1)
    problems.expiry = 'expiry_past';

  const cvc = input.cvc.trim();
  if (cvc === '') problems.cvc = 'cvc_missing';
  else if (!new RegExp(`^\\d{${brand === 'amex' ? 4 : 3}}$`).test(cvc)) problems.cvc = 'cvc_invalid';

  const name = input.name.trim();
  if (name === '') problems.name = 'name_missing';
  else if (name.length > 100) problems.name = 'name_too_long';

  if (Object.keys(problems).length > 0 || !expiry) return { ok: false, problems };
  return { ok: true, card: { number, brand, last4: number.slice(-4), expMonth: expiry.month, expYear: expiry.year } };
}

/** The Luhn checksum every card number carries: catches one wrong digit and most swaps. */
export function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let index = 0; index < number.length; index += 1) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The card network, by its number's prefix (IIN ranges), named as Stripe names them. */
export function brandOf(number: string): string {
  if (/^3[47]/.test(number)) return 'amex';
  if (/^4/.test(number)) return 'visa';
  if (/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/.test(number)) return 'mastercard';
  if (/^(6011|65|64[4-9])/.test(number)) return 'discover';
  if (/^35(2[89]|[3-8]\d)/.test(number)) return 'jcb';
  if (/^3(0[0-5]|[689])/.test(number)) return 'diners';
  if (/^62/.test(number)) return 'unionpay';
  return 'unknown';
}

/** "MM/YY" (also "MM / YY", "MM/YYYY", "MMYY"), as printed on the card. */
function readExpiry(raw: string): { month: number; year: number } | undefined {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(raw);
  if (!match) return undefined;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { month, year };
}
