import type Stripe from 'stripe';
import type { GatewayEvent, PaymentStatus } from './payment-gateway.js';

/** What mapping an event may ask of Stripe (reads only). */
export interface StripeLookups {
  /** The session's status, its PaymentIntent expanded (the card, a decline's reason). */
  retrieve(sessionId: string): Promise<PaymentStatus>;
  /** The Checkout Session that created a PaymentIntent, if any (refunds and disputes name only the intent). */
  sessionOfIntent(paymentIntentId: string): Promise<{ id: string; orderId: string | undefined } | undefined>;
}

/**
 * A verified Stripe event, in the port's words. Enable these on the webhook endpoint
 * (docs/payments.md); any other type is acknowledged as `ignored`:
 *
 *   checkout.session.completed (paid)       payment.succeeded, with the card
 *   checkout.session.async_payment_succeeded payment.succeeded
 *   checkout.session.async_payment_failed   payment.failed
 *   checkout.session.expired                checkout.expired
 *   refund.created / refund.updated / refund.failed   refund.succeeded or refund.failed (by the refund's status)
 *   charge.dispute.created                  dispute.opened
 *   charge.dispute.closed                   dispute.won or dispute.lost
 *
 * `reference` is always the Checkout Session's id: refunds and disputes carry only the
 * PaymentIntent, whose session is looked up. charge.refunded is ignored: in current API versions
 * it does not name the refund, and refund.* say the same thing with the refund's id.
 */
export async function eventFromStripe(event: Stripe.Event, lookups: StripeLookups): Promise<GatewayEvent> {
  const base = { id: event.id, occurredAt: new Date(event.created * 1000).toISOString() };
  const ignored = (reference = '', orderId?: string): GatewayEvent => ({
    ...base,
    type: 'ignored',
    gatewayType: event.type,
    reference,
    ...(orderId ? { orderId } : {}),
  });

  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed': {
      const session = event.data.object;
      const orderId = session.metadata?.orderId;
      const paid = session.payment_status === 'paid';
      if (event.type === 'checkout.session.completed' && !paid) return ignored(session.id, orderId);
      if (event.type === 'checkout.session.async_payment_failed') {
        const status = await lookups.retrieve(session.id);
        return {
          ...base,
          type: 'payment.failed',
          reference: session.id,
          orderId,
          failure: status.failure ?? 'processing_error',
        };
      }
      const status = await lookups.retrieve(session.id);
      return {
        ...base,
        type: 'payment.succeeded',
        reference: session.id,
        orderId,
        amountCents: session.amount_total ?? status.amountCents,
        currency: (session.currency ?? status.currency).toUpperCase(),
        ...(status.card ? { card: status.card } : {}),
      };
    }
    case 'checkout.session.expired': {
      const session = event.data.object;
      return { ...base, type: 'checkout.expired', reference: session.id, orderId: session.metadata?.orderId };
    }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed': {
      const refund = event.data.object;
      const session = await sessionOf(refund.payment_intent, lookups);
      if (!session) return ignored();
      const orderId = refund.metadata?.orderId ?? session.orderId;
      const settled =
        refund.status === 'succeeded'
          ? 'refund.succeeded'
          : ['failed', 'canceled'].includes(refund.status ?? '')
            ? 'refund.failed'
            : undefined;
      if (!settled) return ignored(session.id, orderId);
      return {
        ...base,
        type: settled,
        reference: session.id,
        orderId,
        refundId: refund.id,
        amountCents: refund.amount,
      };
    }
    case 'charge.dispute.created':
    case 'charge.dispute.closed': {
      const dispute = event.data.object;
      const session = await sessionOf(dispute.payment_intent, lookups);
      if (!session) return ignored();
      const type =
        event.type === 'charge.dispute.created'
          ? 'dispute.opened'
          : dispute.status === 'lost'
            ? 'dispute.lost'
            : // won, or an inquiry closed without a chargeback (warning_closed, prevented): the money stays.
              'dispute.won';
      return {
        ...base,
        type,
        reference: session.id,
        orderId: session.orderId,
        disputeId: dispute.id,
        amountCents: dispute.amount,
        reason: dispute.reason,
      };
    }
    default:
      return ignored();
  }
}

async function sessionOf(intent: string | Stripe.PaymentIntent | null, lookups: StripeLookups) {
  if (!intent) return undefined;
  return lookups.sessionOfIntent(typeof intent === 'string' ? intent : intent.id);
}
