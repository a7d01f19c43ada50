import { type VatShare, vatIncluded } from '../../platform/vat.js';
import type { DocumentLine } from './invoice-document.js';

/** What a credit note states: its lines and its VAT per rate. */
export interface CreditPlan {
  lines: DocumentLine[];
  vat: VatShare[];
}

export interface CreditedInvoice {
  number: string;
  lines: DocumentLine[];
  totalCents: number;
  vat: VatShare[];
}

const refundWording = { fr: 'Remboursement sur la facture', en: 'Refund on invoice' } as const;

/**
 * The lines and VAT of a credit note for `amountCents` of an invoice, given the credit notes it
 * already has. A refund of the whole invoice repeats its lines. A partial one is shared among the
 * invoice's VAT rates in proportion to what is still uncredited at each rate, and its VAT is
 * computed on each share; the credit note that credits the last of a rate takes exactly the VAT
 * left at that rate, so that all the credit notes of an invoice add up to its VAT to the cent.
 * Throws when the invoice has less left to credit than asked: a credit note never exceeds it.
 */
export function creditPlan(
  invoice: CreditedInvoice,
  credited: readonly { totalCents: number; vat: readonly VatShare[] }[],
  amountCents: number,
  locale: 'fr' | 'en',
): CreditPlan {
  if (!Number.isInteger(amountCents) || amountCents <= 0)
    throw new Error(`A credit note needs a positive amount in cents, not ${amountCents}`);
  const creditedCents = credited.reduce((sum, note) => sum + note.totalCents, 0);
  if (amountCents > invoice.totalCents - creditedCents)
    throw new Error(
      `Invoice ${invoice.number} has ${invoice.totalCents - creditedCents} cents left to credit; ${amountCents} were asked`,
    );
  if (creditedCents === 0 && amountCents === invoice.totalCents) return { lines: invoice.lines, vat: invoice.vat };

  const left = invoice.vat.map((share) => {
    const before = credited.flatMap((note) => note.vat.filter((s) => s.rateBasisPoints === share.rateBasisPoints));
    return {
      rateBasisPoints: share.rateBasisPoints,
      totalCents: share.totalCents - before.reduce((sum, s) => sum + s.totalCents, 0),
      vatCents: share.vatCents - before.reduce((sum, s) => sum + s.vatCents, 0),
    };
  });
  const amounts = apportion(
    amountCents,
    left.map((share) => share.totalCents),
  );
  const vat: VatShare[] = [];
  left.forEach((share, i) => {
    const totalCents = amounts[i] ?? 0;
    if (totalCents === 0) return;
    const vatCents = totalCents === share.totalCents ? share.vatCents : vatIncluded(totalCents, share.rateBasisPoints);
    vat.push({ rateBasisPoints: share.rateBasisPoints, totalCents, vatCents, netCents: totalCents - vatCents });
  });
  const lines = vat.map((share) => ({
    description: `${refundWording[locale]} ${invoice.number}`,
    quantity: 1,
    unitPriceCents: share.totalCents,
    vatRateBasisPoints: share.rateBasisPoints,
    totalCents: share.totalCents,
  }));
  return { lines, vat };
}

/**
 * Shares `amount` in proportion to `weights`, in whole cents that add up to it exactly (largest
 * remainder: the cents rounding leaves go to the shares that lost the most), never more than a
 * weight.
 */
export function apportion(amount: number, weights: readonly number[]): number[] {
  const whole = weights.reduce((sum, weight) => sum + weight, 0);
  if (whole <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (amount * weight) / whole);
  const shares = exact.map(Math.floor);
  let rest = amount - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (rest === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    rest--;
  }
  return shares;
}
