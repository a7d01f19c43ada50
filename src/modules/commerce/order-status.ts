/**
 * The life of an order, in one place. Every change of status goes through `allowedMoves` (the
 * store's compare-and-set refuses any other), so "paid twice" or "refunded before paid" cannot
 * be written, whatever order the gateway's events arrive in.
 *
 *   awaiting_payment ──▶ paid ──▶ fulfilled
 *        │   ▲            │  ╲        │
 *        ▼   │ (late      ▼   ╲       ▼
 *     expired  payment)  partially_refunded ──▶ refunded
 *   cancelled             disputed (open or lost) ──▶ back when won
 */
export const orderStatuses = [
  'awaiting_payment',
  'paid',
  'fulfilled',
  'partially_refunded',
  'refunded',
  'disputed',
  'cancelled',
  'expired',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const allowedMoves: Record<OrderStatus, readonly OrderStatus[]> = {
  awaiting_payment: ['paid', 'cancelled', 'expired'],
  // A payment the gateway took just before the order expired (the buyer was slow, a webhook
  // late): the order is paid if its items can still be reserved, refunded otherwise.
  expired: ['paid'],
  cancelled: [],
  paid: ['fulfilled', 'partially_refunded', 'refunded', 'disputed'],
  fulfilled: ['partially_refunded', 'refunded', 'disputed'],
  partially_refunded: ['fulfilled', 'partially_refunded', 'refunded', 'disputed'],
  // Won: back to paid or fulfilled; lost stays disputed, with the amount owed shown.
  disputed: ['paid', 'fulfilled', 'partially_refunded', 'refunded'],
  refunded: ['disputed'],
};

export function mayMove(from: OrderStatus, to: OrderStatus): boolean {
  return allowedMoves[from].includes(to);
}

/** Statuses in which the shop holds the buyer's money (fully or partly): refunds and disputes apply. */
export const paidStatuses: readonly OrderStatus[] = ['paid', 'fulfilled', 'partially_refunded', 'disputed'];

export function isPaid(status: OrderStatus): boolean {
  return paidStatuses.includes(status) || status === 'refunded';
}

/** The status after a refund of `refundedCents` in all, out of `totalCents`. */
export function statusAfterRefund(totalCents: number, refundedCents: number): OrderStatus {
  return refundedCents >= totalCents ? 'refunded' : 'partially_refunded';
}
