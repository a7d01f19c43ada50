/**
 * The payment service provider (PSP), seen from the shop. The card is typed on the gateway's own
 * page, never on ours (PCI-DSS SAQ A): the shop opens a checkout session, sends the buyer to the
 * gateway's page, and learns the outcome from a signed webhook, or by asking. It keeps a payment
 * reference, the card's brand, last 4 digits and expiry, nothing more.
 *
 * Two implementations run the one contract suite (payment-gateway.contract.ts): the sandbox
 * gateway (our own PSP look-alike, src/sandbox-gateway/, for the demo and the tests) and Stripe.
 */
export interface PaymentGateway {
  /** 'sandbox' or 'stripe': stored with each payment, shown to staff. */
  readonly name: string;
  /**
   * The origin of the gateway's payment pages. The shop's pages that send a buyer there post a
   * form that the shop answers with a redirect to it, which the page's Content-Security-Policy
   * (form-action) must allow.
   */
  readonly pageOrigin: string;
  /** Opens a hosted payment page for one attempt at paying an order. Idempotent on `attemptId`. */
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  /** Asks the gateway how a checkout session stands: the browser's return and the reconciliation job use it. */
  retrieveCheckout(reference: string): Promise<PaymentStatus>;
  /** Closes a checkout session so it can no longer be paid (the order expired or was cancelled). Idempotent. */
  cancelCheckout(reference: string): Promise<void>;
  /** Refunds part or all of a paid checkout. Idempotent on `idempotencyKey`. */
  refund(request: RefundRequest): Promise<RefundResult>;
  /**
   * Verifies a webhook's signature over the raw body (and that its timestamp is recent) and reads
   * the event. Throws `PaymentWebhookError` when anything is wrong: the route answers 401 and
   * changes nothing.
   */
  parseWebhook(rawBody: Buffer, headers: WebhookHeaders, now: Date): Promise<GatewayEvent>;
}

export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface CheckoutRequest {
  /** Our order's id: the gateway returns it on every event of this checkout (metadata). */
  orderId: string;
  /** One attempt at paying the order (a new one after a decline or an expiry): the idempotency key. */
  attemptId: string;
  amountCents: number;
  /** ISO 4217, upper case: 'EUR'. */
  currency: string;
  /** One line the buyer sees on the gateway's page: "Code Academy – order 7K3F9Q". */
  description: string;
  customerEmail: string;
  locale: 'fr' | 'en';
  /** Where the gateway sends the buyer after paying, and after giving up. */
  successUrl: string;
  cancelUrl: string;
  /** The session cannot be paid after this (the order's reservation ends soon after). */
  expiresAt: Date;
}

export interface CheckoutSession {
  /** The gateway's id for this checkout session: what every later call and event names. */
  reference: string;
  /** The gateway's hosted page, where the buyer types the card. */
  url: string;
}

export type PaymentState = 'pending' | 'succeeded' | 'failed' | 'expired';

/** What the shop may keep of a card: never its number or CVC. */
export interface CardSummary {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

/** Why a payment failed, in words the shop can translate for the buyer. */
export type PaymentFailure =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'authentication_failed'
  | 'processing_error';

export interface PaymentStatus {
  reference: string;
  /** Our order id, from the session's metadata. */
  orderId: string;
  state: PaymentState;
  amountCents: number;
  currency: string;
  card?: CardSummary;
  /** The last failed attempt's reason, while the session is still open or after it failed. */
  failure?: PaymentFailure;
}

export interface RefundRequest {
  /** The checkout session's reference. */
  reference: string;
  amountCents: number;
  idempotencyKey: string;
}

export interface RefundResult {
  refundId: string;
  state: 'pending' | 'succeeded' | 'failed';
  amountCents: number;
}

interface EventBase {
  /** The gateway's event id: stored once (unique), so a delivery seen twice is handled once. */
  id: string;
  /** The checkout session it concerns. */
  reference: string;
  /** Our order id (metadata), when the gateway gives it. */
  orderId?: string;
  occurredAt: string;
}

export type GatewayEvent =
  | (EventBase & { type: 'payment.succeeded'; amountCents: number; currency: string; card?: CardSummary })
  | (EventBase & { type: 'payment.failed'; failure: PaymentFailure })
  | (EventBase & { type: 'checkout.expired' })
  | (EventBase & { type: 'refund.succeeded' | 'refund.failed'; refundId: string; amountCents: number })
  | (EventBase & {
      type: 'dispute.opened' | 'dispute.won' | 'dispute.lost';
      disputeId: string;
      amountCents: number;
      reason: string;
    })
  /** An event type the shop does not act on (Stripe sends many): acknowledged, stored, nothing else. */
  | (EventBase & { type: 'ignored'; gatewayType: string });

/** A webhook that is not from the gateway, or not readable: answered 401, nothing changed. */
export class PaymentWebhookError extends Error {
  constructor(readonly reason: 'signature' | 'timestamp' | 'payload') {
    super(`payment webhook refused: ${reason}`);
    this.name = 'PaymentWebhookError';
  }
}

/**
 * What kind of refusal a `PaymentGatewayError` is, so the caller can act without reading messages:
 * - `unavailable`: no answer, a timeout, a server error or a rate limit (always `retryable`);
 * - `not_found`: the gateway knows no such checkout session;
 * - `already_paid`: `cancelCheckout` on a session that was paid meanwhile (the payment's event follows);
 * - `not_paid`: a refund of a session that took no money;
 * - `refund_too_large`: more than what is left to refund;
 * - `disputed`: a refund of a payment under dispute (the dispute settles the money);
 * - `rejected`: any other refusal (a bad request, a wrong key).
 */
export type PaymentGatewayErrorCode =
  | 'unavailable'
  | 'not_found'
  | 'already_paid'
  | 'not_paid'
  | 'refund_too_large'
  | 'disputed'
  | 'rejected';

/** The gateway did not answer, or answered an error: the caller retries later (a job) or tells the buyer. */
export class PaymentGatewayError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code: PaymentGatewayErrorCode = retryable ? 'unavailable' : 'rejected',
  ) {
    super(message);
    this.name = 'PaymentGatewayError';
  }
}
