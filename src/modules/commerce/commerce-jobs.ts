import { defineJob, noPayload } from '../../platform/jobs/job-definition.js';

/** Asks the gateway for a refund recorded as requested (idempotent on the refund's id). */
export const refundJob = defineJob({
  name: 'commerce.refund',
  parse: (payload: unknown) => {
    const value = payload as { refundId?: unknown } | null;
    if (typeof value?.refundId !== 'string') throw new Error('refundId must be a string');
    return { refundId: value.refundId };
  },
});

/**
 * Every few minutes: asks the gateway about payments it has not told us about, reminds buyers of
 * unpaid orders, lets lapsed orders go (their items back on sale), and tidies old carts and orders.
 */
export const orderUpkeepJob = defineJob({ name: 'commerce.order-upkeep', parse: noPayload });
