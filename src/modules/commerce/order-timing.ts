/**
 * How long an unpaid order holds its items (stock, seats) for the buyer, and when they are
 * reminded. A day lets a buyer whose card was declined come back with another one, and stays
 * within the longest checkout session Stripe allows (24 h).
 */
export const orderHoldMs = 24 * 3600 * 1000;
/** The reminder goes when this much of the hold is left, to orders placed at least an hour before. */
export const reminderBeforeExpiryMs = 6 * 3600 * 1000;
export const reminderNotBeforeMs = 3600 * 1000;
/** A payment attempt the gateway has not told us about for this long is asked about (reconciliation). */
export const reconcileAfterMs = 10 * 60 * 1000;
/** Orders never paid are deleted this long after they lapsed (the policy's note says 90 days). */
export const lapsedOrderKeptMs = 90 * 24 * 3600 * 1000;
/** A course starting sooner than this after the order needs the buyer's express request (L221-18, L221-25). */
export const withdrawalPeriodMs = 14 * 24 * 3600 * 1000;
