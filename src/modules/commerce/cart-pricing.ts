import { createHash } from 'node:crypto';
import { type VatShare, vatBreakdown } from '../../platform/vat.js';
import type { Offer } from './offer-source.js';

/** What a cart keeps of a line: which offer, how many. Prices are always read fresh from the catalog. */
export interface CartLine {
  offerId: string;
  quantity: number;
  addedAt: string;
}

/** Why a line cannot be bought as it is: the cart says so next to it, and checkout refuses until fixed. */
export type LineProblem = 'unavailable' | 'sold-out' | 'not-enough';

export interface PricedLine {
  offerId: string;
  quantity: number;
  offer: Offer | undefined;
  unitPriceCents: number;
  totalCents: number;
  problem?: LineProblem;
}

export interface PricedCart {
  lines: PricedLine[];
  /** VAT included. */
  totalCents: number;
  vat: VatShare[];
  vatCents: number;
  currency: string;
  itemCount: number;
  /** A delivery address is needed. */
  needsShipping: boolean;
  /** The earliest course session in the cart (the withdrawal-period question). */
  earliestStart: string | null;
  /** A fingerprint of lines and prices: the checkout form carries it, and a changed cart refuses the order. */
  fingerprint: string;
  hasProblems: boolean;
}

/** Most of one thing a person buys at once; more is a typo or a reseller. */
export const maxQuantity = 20;
/** Lines in one cart. */
export const maxLines = 30;

export function priceCart(lines: readonly CartLine[], offers: Map<string, Offer>, currency: string): PricedCart {
  const priced = lines.map((line): PricedLine => {
    const offer = offers.get(line.offerId);
    const unitPriceCents = offer?.priceCents ?? 0;
    // An offer off sale because nothing is left is "sold out", which the buyer understands.
    const problem: LineProblem | undefined = !offer?.onSale
      ? offer?.available === 0
        ? 'sold-out'
        : 'unavailable'
      : offer.available === null || offer.available >= line.quantity
        ? undefined
        : offer.available === 0
          ? 'sold-out'
          : 'not-enough';
    return {
      offerId: line.offerId,
      quantity: line.quantity,
      offer,
      unitPriceCents,
      totalCents: unitPriceCents * line.quantity,
      ...(problem ? { problem } : {}),
    };
  });
  const buyable = priced.filter((line) => !line.problem);
  const vat = vatBreakdown(
    buyable.map((line) => ({ totalCents: line.totalCents, vatRateBasisPoints: line.offer?.vatRateBasisPoints ?? 0 })),
  );
  const starts = buyable.map((line) => line.offer?.startsAt).filter((start): start is string => Boolean(start));
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(priced.map((l) => [l.offerId, l.quantity, l.unitPriceCents, l.offer?.vatRateBasisPoints])))
    .digest('base64url')
    .slice(0, 22);
  return {
    lines: priced,
    totalCents: buyable.reduce((sum, line) => sum + line.totalCents, 0),
    vat,
    vatCents: vat.reduce((sum, share) => sum + share.vatCents, 0),
    currency,
    itemCount: buyable.reduce((sum, line) => sum + line.quantity, 0),
    needsShipping: buyable.some((line) => line.offer?.shipped),
    earliestStart: starts.sort()[0] ?? null,
    fingerprint,
    hasProblems: priced.some((line) => line.problem),
  };
}

export function parseCartLines(json: string): CartLine[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as CartLine[]) : [];
}
