import { describe, expect, it } from 'vitest';
import { allowedMoves, mayMove, orderStatuses, statusAfterRefund } from './order-status.js';

describe('order status moves', () => {
  it('allows exactly the moves of the state machine, and no other', () => {
    const allowed = orderStatuses.flatMap((from) =>
      orderStatuses.filter((to) => mayMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'awaiting_payment→paid',
        'awaiting_payment→cancelled',
        'awaiting_payment→expired',
        'expired→paid',
        'paid→fulfilled',
        'paid→partially_refunded',
        'paid→refunded',
        'paid→disputed',
        'fulfilled→partially_refunded',
        'fulfilled→refunded',
        'fulfilled→disputed',
        'partially_refunded→fulfilled',
        'partially_refunded→partially_refunded',
        'partially_refunded→refunded',
        'partially_refunded→disputed',
        'disputed→paid',
        'disputed→fulfilled',
        'disputed→partially_refunded',
        'disputed→refunded',
        'refunded→disputed',
      ].sort(),
    );
  });

  it('never lets an order be paid twice, nor come back to waiting for payment', () => {
    for (const from of orderStatuses) {
      expect(mayMove(from, 'awaiting_payment')).toBe(false);
      if (from !== 'awaiting_payment' && from !== 'expired' && from !== 'disputed')
        expect(mayMove(from, 'paid')).toBe(false);
    }
    expect(allowedMoves.cancelled).toEqual([]);
  });

  it('says refunded only once everything was given back', () => {
    expect(statusAfterRefund(10_000, 2_500)).toBe('partially_refunded');
    expect(statusAfterRefund(10_000, 10_000)).toBe('refunded');
  });
});
