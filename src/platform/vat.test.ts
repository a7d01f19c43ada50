import { describe, expect, it } from 'vitest';
import { formatVatRate, vatBreakdown, vatIncluded } from './vat.js';

describe('VAT on prices that include it', () => {
  it('takes the VAT out of a price at each French rate', () => {
    expect(vatIncluded(12_000, 2000)).toBe(2000);
    expect(vatIncluded(10_550, 550)).toBe(550);
    expect(vatIncluded(69_000, 2000)).toBe(11_500);
    expect(vatIncluded(999, 0)).toBe(0);
  });

  it('rounds per rate over the total, not per line', () => {
    // Three lines of 0,05 € at 20 %: per line each holds 0,83 cent (rounds to 1, 3 in all); over the total, 0,15 € holds 2,5 → 3.
    const shares = vatBreakdown([
      { totalCents: 5, vatRateBasisPoints: 2000 },
      { totalCents: 5, vatRateBasisPoints: 2000 },
      { totalCents: 5, vatRateBasisPoints: 2000 },
      { totalCents: 1055, vatRateBasisPoints: 550 },
    ]);
    expect(shares).toEqual([
      { rateBasisPoints: 2000, totalCents: 15, vatCents: 3, netCents: 12 },
      { rateBasisPoints: 550, totalCents: 1055, vatCents: 55, netCents: 1000 },
    ]);
  });

  it('says a rate as a person reads it, in each language', () => {
    expect(formatVatRate(550, 'fr')).toBe('5,5 %');
    expect(formatVatRate(2000, 'en')).toBe('20%');
  });
});
