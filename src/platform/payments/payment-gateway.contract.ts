import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayOptions, PayResult } from '../../../test/sandbox-gateway.js';
import {
  type CheckoutRequest,
  type CheckoutSession,
  type GatewayEvent,
  type PaymentGateway,
  PaymentGatewayError,
  PaymentWebhookError,
  type WebhookHeaders,
} from './payment-gateway.js';

/**
 * The one contract every PaymentGateway keeps (DESIGN §2: variation points share a contract
 * suite). Parts a subject cannot run here are skipped loudly by its test file, never silently.
 */
export interface ContractSubject {
  gateway: PaymentGateway;
  /** Pays on the gateway's hosted page with real HTTP form posts (absent where the page needs JavaScript). */
  pay?: (session: CheckoutSession, card: string, options?: PayOptions) => Promise<PayResult>;
  /** The gateway's delivery of an event of `type` about `reference`, raw (absent where the gateway cannot reach us). */
  webhook?: (reference: string, type: string) => Promise<{ rawBody: Buffer; headers: WebhookHeaders }>;
  /** A realistic checkout.expired event body, as the gateway sends it (it parses without asking the gateway). */
  sampleEvent: string;
  /** Signs a body as the gateway does, at `at`, with the shop's secret or another one. */
  sign: (body: string, at: Date, secret: 'right' | 'wrong') => WebhookHeaders;
  cards: { success: string; declined: string; insufficientFunds: string; threeDSecure: string };
  /** The shop's pages the buyer is sent back to. */
  shopUrl: string;
  close(): Promise<void>;
}

export interface ContractParts {
  /** Run the API part (a gateway to talk to). */
  api: boolean;
  /** Run the payments made on the hosted page (needs `pay` and `webhook`). */
  hostedPage: boolean;
}

export function describePaymentGatewayContract(
  name: string,
  setup: () => Promise<ContractSubject>,
  parts: ContractParts,
) {
  describe(`PaymentGateway contract: ${name}`, () => {
    let subject: ContractSubject;
    beforeAll(async () => {
      subject = await setup();
    });
    afterAll(async () => {
      await subject?.close();
    });

    const checkout = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
      orderId: `order-${randomUUID()}`,
      attemptId: `attempt-${randomUUID()}`,
      amountCents: 4900,
      currency: 'EUR',
      description: 'Code Academy – order 7K3F9Q',
      customerEmail: 'buyer@example.com',
      locale: 'en',
      successUrl: `${subject.shopUrl}/en/orders/7K3F9Q/paid?session={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${subject.shopUrl}/en/orders/7K3F9Q`,
      expiresAt: new Date(Date.now() + 60 * 60 * 1000),
      ...overrides,
    });
    const refused = async (promise: Promise<unknown>, code: string) => {
      const error = await promise.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(PaymentGatewayError);
      expect(error).toMatchObject({ code, retryable: false });
    };
    const parsed = async (reference: string, type: GatewayEvent['type']): Promise<GatewayEvent> => {
      const delivery = await subject.webhook!(reference, type);
      return subject.gateway.parseWebhook(delivery.rawBody, delivery.headers, new Date());
    };

    describe('webhook signatures', () => {
      it('reads a webhook signed with the secret, at the time it says', async () => {
        const now = new Date();
        const headers = subject.sign(subject.sampleEvent, now, 'right');
        const event = await subject.gateway.parseWebhook(Buffer.from(subject.sampleEvent), headers, now);
        expect(event.id).toMatch(/\S/);
        expect(event.type).toBe('checkout.expired');
        expect(event.reference).toMatch(/\S/);
      });

      it.each([
        ['a body changed after signing', 'signature'],
        ['a signature under another secret', 'signature'],
        ['no signature header', 'signature'],
        ['a timestamp older than 5 minutes', 'timestamp'],
        ['a validly signed body that is not JSON', 'payload'],
      ])('refuses %s (PaymentWebhookError %s)', async (what, reason) => {
        const now = new Date();
        const body = what.includes('not JSON') ? 'not json at all' : subject.sampleEvent;
        const signedAt = what.includes('older') ? new Date(now.getTime() - 301_000) : now;
        const headers = what.includes('no signature')
          ? {}
          : subject.sign(body, signedAt, what.includes('another secret') ? 'wrong' : 'right');
        const received = what.includes('changed') ? body.replace('"created":', '"created": ') : body;
        expect(received === body).toBe(!what.includes('changed'));
        const error = await subject.gateway.parseWebhook(Buffer.from(received), headers, now).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(PaymentWebhookError);
        expect(error).toMatchObject({ reason });
      });
    });

    describe.skipIf(!parts.api)('the API', () => {
      it('opens a checkout once per attempt (idempotent), pending, with the order id and the amount', async () => {
        const request = checkout();
        const session = await subject.gateway.createCheckout(request);
        expect(session.url).toMatch(/^https?:\/\//);
        expect(await subject.gateway.createCheckout(request)).toEqual(session);
        expect(await subject.gateway.retrieveCheckout(session.reference)).toMatchObject({
          reference: session.reference,
          orderId: request.orderId,
          state: 'pending',
          amountCents: 4900,
          currency: 'EUR',
        });
      });

      it('closes a checkout (idempotent): it is expired, and a refund of it is refused as not paid', async () => {
        const session = await subject.gateway.createCheckout(checkout());
        await subject.gateway.cancelCheckout(session.reference);
        await subject.gateway.cancelCheckout(session.reference);
        expect((await subject.gateway.retrieveCheckout(session.reference)).state).toBe('expired');
        await refused(
          subject.gateway.refund({ reference: session.reference, amountCents: 100, idempotencyKey: randomUUID() }),
          'not_paid',
        );
        if (subject.pay) {
          expect(await subject.pay(session, subject.cards.success)).toMatchObject({ outcome: 'closed', status: 410 });
        }
        if (subject.webhook)
          expect(await parsed(session.reference, 'checkout.expired')).toMatchObject({ type: 'checkout.expired' });
      });

      it('says an unknown checkout is not found', async () => {
        await refused(subject.gateway.retrieveCheckout('cs_test_unknown0000000000000000'), 'not_found');
      });
    });

    describe.skipIf(!parts.api || !parts.hostedPage)('paying on the hosted page', () => {
      it('takes a card: back to the shop, a webhook with the card, the status says succeeded', async () => {
        const request = checkout();
        const session = await subject.gateway.createCheckout(request);
        const paid = await subject.pay!(session, subject.cards.success);
        expect(paid).toEqual({
          outcome: 'succeeded',
          redirectTo: `${subject.shopUrl}/en/orders/7K3F9Q/paid?session=${session.reference}`,
        });
        const event = await parsed(session.reference, 'payment.succeeded');
        expect(event).toMatchObject({
          type: 'payment.succeeded',
          reference: session.reference,
          orderId: request.orderId,
          amountCents: 4900,
          currency: 'EUR',
          card: { brand: 'visa', last4: '4242' },
        });
        const status = await subject.gateway.retrieveCheckout(session.reference);
        expect(status).toMatchObject({ state: 'succeeded', card: { brand: 'visa', last4: '4242', expMonth: 12 } });
        expect(status.card?.expYear).toBeGreaterThan(new Date().getUTCFullYear());
        expect(JSON.stringify(status)).not.toContain('4242424242424242');
        await refused(subject.gateway.cancelCheckout(session.reference), 'already_paid');
        expect(await subject.pay!(session, subject.cards.success)).toMatchObject({ outcome: 'closed' });
      });

      it('refunds part, then the rest (each once per key), and refuses a refund beyond what was paid', async () => {
        const session = await subject.gateway.createCheckout(checkout());
        await subject.pay!(session, subject.cards.success);
        const key = randomUUID();
        const part = await subject.gateway.refund({
          reference: session.reference,
          amountCents: 1900,
          idempotencyKey: key,
        });
        expect(part).toMatchObject({ state: 'succeeded', amountCents: 1900 });
        expect(
          await subject.gateway.refund({ reference: session.reference, amountCents: 1900, idempotencyKey: key }),
        ).toEqual(part);
        await refused(
          subject.gateway.refund({ reference: session.reference, amountCents: 3001, idempotencyKey: randomUUID() }),
          'refund_too_large',
        );
        const rest = await subject.gateway.refund({
          reference: session.reference,
          amountCents: 3000,
          idempotencyKey: randomUUID(),
        });
        expect(rest).toMatchObject({ state: 'succeeded', amountCents: 3000 });
        await refused(
          subject.gateway.refund({ reference: session.reference, amountCents: 1, idempotencyKey: randomUUID() }),
          'refund_too_large',
        );
        expect(await parsed(session.reference, 'refund.succeeded')).toMatchObject({
          type: 'refund.succeeded',
          reference: session.reference,
          refundId: part.refundId,
          amountCents: 1900,
        });
      });

      it.each([
        ['declined', 'card_declined'],
        ['insufficientFunds', 'insufficient_funds'],
      ] as const)(
        'shows a %s card the reason, keeps the session payable, and takes another card',
        async (card, failure) => {
          const session = await subject.gateway.createCheckout(checkout());
          expect(await subject.pay!(session, subject.cards[card])).toMatchObject({ outcome: 'declined', status: 402 });
          expect(await subject.gateway.retrieveCheckout(session.reference)).toMatchObject({
            state: 'pending',
            failure,
          });
          expect(await subject.pay!(session, subject.cards.success)).toMatchObject({ outcome: 'succeeded' });
          expect(await subject.gateway.retrieveCheckout(session.reference)).toMatchObject({ state: 'succeeded' });
        },
      );

      it('asks a 3-D Secure card to authenticate: a failed challenge is a decline, a completed one pays', async () => {
        const session = await subject.gateway.createCheckout(checkout());
        const failed = await subject.pay!(session, subject.cards.threeDSecure, { authentication: 'fail' });
        expect(failed).toMatchObject({ outcome: 'declined' });
        expect(await subject.gateway.retrieveCheckout(session.reference)).toMatchObject({
          state: 'pending',
          failure: 'authentication_failed',
        });
        expect(await subject.pay!(session, subject.cards.threeDSecure, { authentication: 'complete' })).toMatchObject({
          outcome: 'succeeded',
        });
        expect(await subject.gateway.retrieveCheckout(session.reference)).toMatchObject({
          state: 'succeeded',
          card: { last4: '3184' },
        });
      });
    });
  });
}
