import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentGatewayError, PaymentWebhookError } from './payment-gateway.js';
import { StripeGateway } from './stripe-gateway.js';

/**
 * StripeGateway through the real `stripe` SDK. There is no network here, so the few API answers
 * it needs come from a local stand-in speaking Stripe's JSON (the SDK is pointed at it with its
 * own host/port options); webhooks are signed with the SDK's own test helper, as Stripe signs them.
 * What a real Stripe account would add (the hosted page) is covered by the sandbox gateway's
 * contract run; this file holds the Stripe side to the port's promises it can check offline.
 */
const webhookSecret = 'whsec_test_vitrine_stripe_gateway';
const signer = new Stripe('sk_test_signer_only');

const paidSession = {
  id: 'cs_test_paid',
  object: 'checkout.session',
  status: 'complete',
  payment_status: 'paid',
  amount_total: 4900,
  currency: 'eur',
  metadata: { orderId: 'ORDER00001', attemptId: 'attempt-1' },
  payment_intent: {
    id: 'pi_test_paid',
    object: 'payment_intent',
    status: 'succeeded',
    payment_method: {
      id: 'pm_1',
      object: 'payment_method',
      card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 },
    },
    latest_charge: null,
    last_payment_error: null,
  },
};

interface Received {
  method: string;
  path: string;
  body: URLSearchParams;
  headers: http.IncomingHttpHeaders;
}

/** The few endpoints of Stripe's API the gateway calls, answering as Stripe does. */
async function stripeStandIn() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stripe.local');
      const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      received.push({ method: request.method ?? '', path: url.pathname, body, headers: request.headers });
      const json = (status: number, value: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        return json(200, {
          id: 'cs_test_new',
          object: 'checkout.session',
          url: 'https://checkout.stripe.com/c/pay/cs_test_new',
        });
      }
      if (request.method === 'GET' && url.pathname === '/v1/checkout/sessions/cs_test_paid')
        return json(200, paidSession);
      if (request.method === 'GET' && url.pathname === '/v1/checkout/sessions') {
        const found = url.searchParams.get('payment_intent') === 'pi_test_paid';
        return json(200, {
          object: 'list',
          data: found ? [paidSession] : [],
          has_more: false,
          url: '/v1/checkout/sessions',
        });
      }
      if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions/cs_test_paid/expire') {
        return json(400, {
          error: {
            type: 'invalid_request_error',
            code: 'checkout_session_expired',
            message: 'This session is complete.',
          },
        });
      }
      if (request.method === 'POST' && url.pathname === '/v1/refunds') {
        return json(200, {
          id: 're_test_1',
          object: 'refund',
          status: 'succeeded',
          amount: Number(body.get('amount')),
        });
      }
      if (url.pathname === '/v1/checkout/sessions/cs_test_down')
        return json(500, { error: { type: 'api_error', message: 'down' } });
      return json(404, {
        error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such object' },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An event as Stripe posts it, signed by the SDK's own helper at `at`. */
function signed(event: Record<string, unknown>, options: { secret?: string; at?: Date } = {}) {
  const payload = JSON.stringify({ object: 'event', api_version: '2025-01-27', livemode: false, ...event });
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? webhookSecret,
    timestamp: Math.floor((options.at ?? new Date()).getTime() / 1000),
  });
  return { raw: Buffer.from(payload), headers: { 'stripe-signature': header } };
}

describe('StripeGateway (the official SDK, offline)', () => {
  let api: Awaited<ReturnType<typeof stripeStandIn>>;
  let gateway: StripeGateway;
  beforeAll(async () => {
    api = await stripeStandIn();
    gateway = new StripeGateway({
      secretKey: 'sk_test_vitrine',
      webhookSecret,
      api: { host: '127.0.0.1', port: api.port, protocol: 'http' },
    });
  });
  afterAll(() => api.close());

  it('reads a paid Checkout Session event, signed as Stripe signs it, with the card from the session', async () => {
    const { raw, headers } = signed({
      id: 'evt_paid',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: 'cs_test_paid',
          object: 'checkout.session',
          payment_status: 'paid',
          metadata: paidSession.metadata,
          amount_total: 4900,
          currency: 'eur',
        },
      },
    });
    expect(await gateway.parseWebhook(raw, headers, new Date())).toMatchObject({
      id: 'evt_paid',
      type: 'payment.succeeded',
      reference: 'cs_test_paid',
      orderId: 'ORDER00001',
      amountCents: 4900,
      currency: 'EUR',
      card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
    });
  });

  it('refuses another secret, a changed body, no header, and a time too old or too far ahead', async () => {
    const event = {
      id: 'evt_x',
      type: 'checkout.session.expired',
      created: 1,
      data: { object: { id: 'cs_test_paid', object: 'checkout.session' } },
    };
    const reason = async (raw: Buffer, headers: Record<string, string>) => {
      const error = await gateway.parseWebhook(raw, headers, new Date()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaymentWebhookError);
      return (error as PaymentWebhookError).reason;
    };
    const other = signed(event, { secret: 'whsec_someone_else' });
    expect(await reason(other.raw, other.headers)).toBe('signature');
    const good = signed(event);
    expect(await reason(Buffer.from(good.raw.toString().replace('cs_test_paid', 'cs_test_othr')), good.headers)).toBe(
      'signature',
    );
    expect(await reason(good.raw, {})).toBe('signature');
    const old = signed(event, { at: new Date(Date.now() - 10 * 60_000) });
    expect(await reason(old.raw, old.headers)).toBe('timestamp');
    const ahead = signed(event, { at: new Date(Date.now() + 10 * 60_000) });
    expect(await reason(ahead.raw, ahead.headers)).toBe('timestamp');
  });

  it('reads refunds and disputes by the session of their PaymentIntent, expiries, and ignores the rest', async () => {
    const now = Math.floor(Date.now() / 1000);
    const parse = (event: Record<string, unknown>) => {
      const { raw, headers } = signed({ created: now, ...event });
      return gateway.parseWebhook(raw, headers, new Date());
    };
    expect(
      await parse({
        id: 'evt_r',
        type: 'refund.updated',
        data: {
          object: {
            id: 're_1',
            object: 'refund',
            status: 'succeeded',
            amount: 1000,
            payment_intent: 'pi_test_paid',
            metadata: {},
          },
        },
      }),
    ).toMatchObject({
      type: 'refund.succeeded',
      reference: 'cs_test_paid',
      orderId: 'ORDER00001',
      refundId: 're_1',
      amountCents: 1000,
    });
    expect(
      await parse({
        id: 'evt_rf',
        type: 'refund.failed',
        data: {
          object: {
            id: 're_2',
            object: 'refund',
            status: 'failed',
            amount: 500,
            payment_intent: 'pi_test_paid',
            metadata: {},
          },
        },
      }),
    ).toMatchObject({ type: 'refund.failed', refundId: 're_2' });
    expect(
      await parse({
        id: 'evt_d',
        type: 'charge.dispute.created',
        data: {
          object: {
            id: 'dp_1',
            object: 'dispute',
            status: 'needs_response',
            amount: 4900,
            reason: 'fraudulent',
            payment_intent: 'pi_test_paid',
          },
        },
      }),
    ).toMatchObject({ type: 'dispute.opened', disputeId: 'dp_1', amountCents: 4900, reason: 'fraudulent' });
    expect(
      await parse({
        id: 'evt_dl',
        type: 'charge.dispute.closed',
        data: {
          object: {
            id: 'dp_1',
            object: 'dispute',
            status: 'lost',
            amount: 4900,
            reason: 'fraudulent',
            payment_intent: 'pi_test_paid',
          },
        },
      }),
    ).toMatchObject({ type: 'dispute.lost' });
    expect(
      await parse({
        id: 'evt_dw',
        type: 'charge.dispute.closed',
        data: {
          object: {
            id: 'dp_1',
            object: 'dispute',
            status: 'won',
            amount: 4900,
            reason: 'fraudulent',
            payment_intent: 'pi_test_paid',
          },
        },
      }),
    ).toMatchObject({ type: 'dispute.won' });
    expect(
      await parse({
        id: 'evt_e',
        type: 'checkout.session.expired',
        data: { object: { id: 'cs_test_gone', object: 'checkout.session', metadata: { orderId: 'ORDER00002' } } },
      }),
    ).toMatchObject({ type: 'checkout.expired', reference: 'cs_test_gone', orderId: 'ORDER00002' });
    expect(
      await parse({ id: 'evt_i', type: 'customer.created', data: { object: { id: 'cus_1', object: 'customer' } } }),
    ).toMatchObject({
      type: 'ignored',
      gatewayType: 'customer.created',
    });
  });

  it('opens a Checkout Session with the order in its metadata, an idempotency key per attempt and at least 30 minutes to pay', async () => {
    const session = await gateway.createCheckout({
      orderId: 'ORDER00003',
      attemptId: 'attempt-7',
      amountCents: 6900,
      currency: 'EUR',
      description: 'Code Academy – order ORDER00003',
      customerEmail: 'ada@example.com',
      locale: 'fr',
      successUrl: 'https://shop.example/fr/commande/retour/ORDER00003?outcome=paid',
      cancelUrl: 'https://shop.example/fr/commande/retour/ORDER00003?outcome=cancelled',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(session).toEqual({ reference: 'cs_test_new', url: 'https://checkout.stripe.com/c/pay/cs_test_new' });
    const sent = api.received.find((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(sent?.headers.authorization).toBe('Bearer sk_test_vitrine');
    expect(sent?.headers['idempotency-key']).toBe('checkout-attempt-7');
    expect(sent?.body.get('mode')).toBe('payment');
    expect(sent?.body.get('metadata[orderId]')).toBe('ORDER00003');
    expect(sent?.body.get('line_items[0][price_data][unit_amount]')).toBe('6900');
    expect(sent?.body.get('line_items[0][price_data][currency]')).toBe('eur');
    expect(Number(sent?.body.get('expires_at'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 30 * 60);
    expect(gateway.pageOrigin).toBe('https://checkout.stripe.com');
  });

  it('refunds by the session’s PaymentIntent with our refund id as idempotency key; a paid session is not expired', async () => {
    expect(await gateway.refund({ reference: 'cs_test_paid', amountCents: 1500, idempotencyKey: 'refund-9' })).toEqual({
      refundId: 're_test_1',
      state: 'succeeded',
      amountCents: 1500,
    });
    const sent = api.received.find((r) => r.path === '/v1/refunds');
    expect(sent?.body.get('payment_intent')).toBe('pi_test_paid');
    expect(sent?.headers['idempotency-key']).toBe('refund-9');
    await expect(gateway.cancelCheckout('cs_test_paid')).rejects.toMatchObject({
      code: 'already_paid',
      retryable: false,
    });
  });

  it('says Stripe is unavailable, retryable, when its API fails, and not found, not retryable, for an unknown session', async () => {
    const down = await gateway.retrieveCheckout('cs_test_down').catch((e: unknown) => e);
    expect(down).toBeInstanceOf(PaymentGatewayError);
    expect(down).toMatchObject({ retryable: true, code: 'unavailable' });
    await expect(gateway.retrieveCheckout('cs_test_missing')).rejects.toMatchObject({
      retryable: false,
      code: 'not_found',
    });
  }, 30_000);
});
