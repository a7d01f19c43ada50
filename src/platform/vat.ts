/**
 * VAT on prices that include it, as French shops show them (Code de la consommation L112-1): a
 * price of 120,00 € at 20 % holds 20,00 € of VAT. Rates are integer basis points (2000 = 20 %,
 * 550 = 5,5 %) so no rate is a float. Rounding is per rate over the total, never per line, which
 * is how the invoice states it and what the tax office checks.
 */
export function vatIncluded(amountCents: number, rateBasisPoints: number): number {
  return Math.round((amountCents * rateBasisPoints) / (10_000 + rateBasisPoints));
}

export interface VatLine {
  totalCents: number;
  vatRateBasisPoints: number;
}

export interface VatShare {
  rateBasisPoints: number;
  /** What the lines at this rate cost, VAT included. */
  totalCents: number;
  vatCents: number;
  /** totalCents − vatCents: the base the VAT was computed on. */
  netCents: number;
}

/** One share per rate, highest rate first, with the VAT each rate holds. */
export function vatBreakdown(lines: readonly VatLine[]): VatShare[] {
  const totals = new Map<number, number>();
  for (const line of lines)
    totals.set(line.vatRateBasisPoints, (totals.get(line.vatRateBasisPoints) ?? 0) + line.totalCents);
  return [...totals.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBasisPoints, totalCents]) => {
      const vatCents = vatIncluded(totalCents, rateBasisPoints);
      return { rateBasisPoints, totalCents, vatCents, netCents: totalCents - vatCents };
    });
}

/** "20 %", "5,5 %" / "5.5%": a rate as a person reads it. */
export function formatVatRate(rateBasisPoints: number, locale: 'fr' | 'en'): string {
  const percent = rateBasisPoints / 100;
  return locale === 'fr' ? `${String(percent).replace('.', ',')} %` : `${percent}%`;
}
