import type Stripe from 'stripe';
import {
  type CardSummary,
  type PaymentFailure,
  PaymentGatewayError,
  type PaymentGatewayErrorCode,
  type PaymentStatus,
} from './payment-gateway.js';

/**
 * Stripe's objects read into the port's types. A Checkout Session says whether it is open,
 * complete or expired, and whether it is paid; its PaymentIntent (expanded) gives the card and,
 * after a decline, the last error.
 */
export function statusFromStripeSession(session: Stripe.Checkout.Session): PaymentStatus {
  const intent = typeof session.payment_intent === 'object' ? session.payment_intent : null;
  const card = intent ? cardOf(intent) : undefined;
  const failure = intent?.last_payment_error ? failureOf(intent.last_payment_error) : undefined;
  return {
    reference: session.id,
    orderId: session.metadata?.orderId ?? '',
    state: stateOf(session, intent),
    amountCents: session.amount_total ?? 0,
    currency: (session.currency ?? '').toUpperCase(),
    ...(card ? { card } : {}),
    ...(failure ? { failure } : {}),
  };
}

function stateOf(session: Stripe.Checkout.Session, intent: Stripe.PaymentIntent | null): PaymentStatus['state'] {
  if (session.payment_status === 'paid') return 'succeeded';
  if (session.status === 'expired') return 'expired';
  // Complete but unpaid: a delayed method (a bank debit) still on its way, or failed on the way.
  if (session.status === 'complete' && intent && ['requires_payment_method', 'canceled'].includes(intent.status)) {
    return 'failed';
  }
  return 'pending';
}

/** The card as the shop may keep it: from the payment method, or the charge's copy of it. */
export function cardOf(intent: Stripe.PaymentIntent): CardSummary | undefined {
  const method = typeof intent.payment_method === 'object' ? intent.payment_method?.card : undefined;
  const charge =
    typeof intent.latest_charge === 'object' ? intent.latest_charge?.payment_method_details?.card : undefined;
  const card = method ?? charge;
  if (!card) return undefined;
  return {
    brand: card.brand ?? 'unknown',
    last4: card.last4 ?? '',
    expMonth: card.exp_month ?? 0,
    expYear: card.exp_year ?? 0,
  };
}

/** Stripe's decline codes, in the port's few words. */
export function failureOf(error: { code?: string; decline_code?: string }): PaymentFailure {
  const code = error.decline_code ?? error.code ?? '';
  if (code === 'insufficient_funds') return 'insufficient_funds';
  if (code === 'expired_card') return 'expired_card';
  if (code === 'incorrect_cvc' || code === 'invalid_cvc') return 'incorrect_cvc';
  if (code === 'processing_error') return 'processing_error';
  if (code === 'payment_intent_authentication_failure' || code === 'authentication_required')
    return 'authentication_failed';
  if (error.code === 'card_declined' || error.decline_code) return 'card_declined';
  return 'processing_error';
}

const codes: Record<string, PaymentGatewayErrorCode> = {
  resource_missing: 'not_found',
  amount_too_large: 'refund_too_large',
  charge_already_refunded: 'refund_too_large',
  charge_disputed: 'disputed',
};

/** Any error of a Stripe call: retryable when Stripe could not be reached or was overloaded. */
export function stripeError(error: unknown, what: string): PaymentGatewayError {
  if (error instanceof PaymentGatewayError) return error;
  const stripe = error as { type?: string; code?: string; statusCode?: number; message?: string };
  const retryable =
    stripe.type === 'StripeConnectionError' ||
    stripe.type === 'StripeAPIError' ||
    stripe.type === 'StripeRateLimitError' ||
    (stripe.statusCode !== undefined && (stripe.statusCode >= 500 || stripe.statusCode === 429));
  const code = retryable ? 'unavailable' : (codes[stripe.code ?? ''] ?? 'rejected');
  return new PaymentGatewayError(`Stripe refused to ${what}: ${stripe.message ?? String(error)}`, retryable, code);
}
