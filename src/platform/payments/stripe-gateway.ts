import type Stripe from 'stripe';
import {
  type CheckoutRequest,
  type CheckoutSession,
  type GatewayEvent,
  type PaymentGateway,
  PaymentGatewayError,
  type PaymentStatus,
  PaymentWebhookError,
  type RefundRequest,
  type RefundResult,
  type WebhookHeaders,
} from './payment-gateway.js';
import { webhookToleranceSeconds } from './sandbox-webhook-signature.js';
import { eventFromStripe } from './stripe-events.js';
import { statusFromStripeSession, stripeError } from './stripe-status.js';

export interface StripeGatewayOptions {
  /** sk_live_…, sk_test_… or a restricted key (rk_…). */
  secretKey: string;
  /** The webhook endpoint's signing secret (whsec_…). */
  webhookSecret: string;
  /** Where the API is, when not api.stripe.com (a test's local stand-in). */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
}

/** Stripe refuses a Checkout Session that expires in less than 30 minutes. */
const minimumLifetimeSeconds = 30 * 60;

/**
 * Stripe Checkout behind the port: a hosted page per attempt (mode payment, one line), refunds
 * by the session's PaymentIntent, and webhooks verified by the SDK. The SDK is loaded on first
 * use, so a shop on the sandbox never pays for loading it.
 */
export class StripeGateway implements PaymentGateway {
  readonly name = 'stripe';
  /** Stripe Checkout's hosted pages. */
  readonly pageOrigin = 'https://checkout.stripe.com';
  private client: Promise<Stripe> | undefined;

  constructor(private readonly options: StripeGatewayOptions) {}

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    const stripe = await this.stripe();
    const metadata = { orderId: request.orderId, attemptId: request.attemptId };
    try {
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: request.amountCents,
                product_data: { name: request.description },
              },
            },
          ],
          customer_email: request.customerEmail,
          locale: request.locale,
          expires_at: expiresAt(request.expiresAt),
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          client_reference_id: request.orderId,
          metadata,
          payment_intent_data: { metadata },
        },
        { idempotencyKey: `checkout-${request.attemptId}` },
      );
      if (!session.url) throw new PaymentGatewayError('Stripe opened a checkout session without a page', false);
      return { reference: session.id, url: session.url };
    } catch (error) {
      throw stripeError(error, 'open a checkout session');
    }
  }

  async retrieveCheckout(reference: string): Promise<PaymentStatus> {
    return statusFromStripeSession(await this.session(reference));
  }

  async cancelCheckout(reference: string): Promise<void> {
    const stripe = await this.stripe();
    try {
      await stripe.checkout.sessions.expire(reference);
    } catch (error) {
      const refused = stripeError(error, 'expire a checkout session');
      if (refused.retryable || refused.code === 'not_found') throw refused;
      // Stripe expires only open sessions: an expired one is what we wanted; a paid one must be said.
      const status = await this.retrieveCheckout(reference);
      if (status.state === 'succeeded') {
        throw new PaymentGatewayError(`checkout ${reference} is already paid`, false, 'already_paid');
      }
      if (status.state === 'pending') throw refused;
    }
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const stripe = await this.stripe();
    const session = await this.session(request.reference);
    const intent = session.payment_intent;
    if (statusFromStripeSession(session).state !== 'succeeded' || typeof intent !== 'object' || !intent) {
      throw new PaymentGatewayError(`checkout ${request.reference} took no payment`, false, 'not_paid');
    }
    try {
      const refund = await stripe.refunds.create(
        {
          payment_intent: intent.id,
          amount: request.amountCents,
          metadata: { orderId: session.metadata?.orderId ?? '' },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      const state =
        refund.status === 'succeeded'
          ? 'succeeded'
          : ['failed', 'canceled'].includes(refund.status ?? '')
            ? 'failed'
            : 'pending';
      return { refundId: refund.id, state, amountCents: refund.amount };
    } catch (error) {
      throw stripeError(error, 'refund');
    }
  }

  async parseWebhook(rawBody: Buffer, headers: WebhookHeaders, now: Date): Promise<GatewayEvent> {
    const stripe = await this.stripe();
    const header = headers['stripe-signature'];
    if (typeof header !== 'string') throw new PaymentWebhookError('signature');
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(
        rawBody,
        header,
        this.options.webhookSecret,
        webhookToleranceSeconds,
        undefined,
        now.getTime(),
      );
    } catch (error) {
      if ((error as { type?: string }).type !== 'StripeSignatureVerificationError')
        throw new PaymentWebhookError('payload');
      throw new PaymentWebhookError(/tolerance/i.test((error as Error).message) ? 'timestamp' : 'signature');
    }
    // The SDK refuses only old timestamps; one far ahead of our clock is as suspect.
    const signedAt = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
    if (signedAt - now.getTime() / 1000 > webhookToleranceSeconds) throw new PaymentWebhookError('timestamp');
    // Read as an event only what has an event's shape (typeof null is 'object'; `created` dates it).
    if (
      typeof event?.id !== 'string' ||
      typeof event.type !== 'string' ||
      typeof event.created !== 'number' ||
      typeof event.data?.object !== 'object' ||
      event.data.object === null
    )
      throw new PaymentWebhookError('payload');
    return eventFromStripe(event, {
      retrieve: (sessionId) => this.retrieveCheckout(sessionId),
      sessionOfIntent: async (paymentIntent) => {
        try {
          const found = (await stripe.checkout.sessions.list({ payment_intent: paymentIntent, limit: 1 })).data[0];
          return found ? { id: found.id, orderId: found.metadata?.orderId } : undefined;
        } catch (error) {
          throw stripeError(error, 'find the checkout session of a payment');
        }
      },
    });
  }

  /** The session with its PaymentIntent, the intent's card and latest charge expanded. */
  private async session(reference: string): Promise<Stripe.Checkout.Session> {
    const stripe = await this.stripe();
    try {
      return await stripe.checkout.sessions.retrieve(reference, {
        expand: ['payment_intent', 'payment_intent.payment_method', 'payment_intent.latest_charge'],
      });
    } catch (error) {
      throw stripeError(error, 'read a checkout session');
    }
  }

  private stripe(): Promise<Stripe> {
    this.client ??= import('stripe').then(
      ({ default: StripeClient }) =>
        new StripeClient(this.options.secretKey, {
          maxNetworkRetries: 2,
          timeout: 10_000,
          telemetry: false,
          ...(this.options.api ?? {}),
        }),
    );
    return this.client;
  }
}

/** Stripe's floor of 30 minutes, rounded up to 10 minutes so a retried creation sends the same value. */
function expiresAt(wanted: Date): number {
  const seconds = Math.floor(wanted.getTime() / 1000);
  const floor = Math.floor(Date.now() / 1000) + minimumLifetimeSeconds + 60;
  return seconds >= floor ? seconds : Math.ceil(floor / 600) * 600;
}
