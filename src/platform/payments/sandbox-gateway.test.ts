import { createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  payThroughHostedPage,
  startTestSandboxGateway,
  startWebhookReceiver,
  testCards,
} from '../../../test/sandbox-gateway.js';
import { PaymentGatewayError } from './payment-gateway.js';
import { describePaymentGatewayContract } from './payment-gateway.contract.js';
import { SandboxGateway } from './sandbox-gateway.js';

describePaymentGatewayContract(
  'sandbox',
  async () => {
    const receiver = await startWebhookReceiver();
    const gateway = await startTestSandboxGateway({ webhookUrl: receiver.url });
    const sign = (body: string, at: Date, secret: 'right' | 'wrong') => {
      const key = secret === 'right' ? gateway.webhookSecret : 'whsec_someone_else_entirely';
      const t = Math.floor(at.getTime() / 1000);
      return {
        'vitrine-gateway-signature': `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`,
      };
    };
    return {
      gateway: gateway.client(),
      pay: (session, card, options) => payThroughHostedPage(session.url, card, options),
      webhook: async (reference, type) =>
        receiver.waitFor((delivery) => delivery.reference === reference && delivery.type === type),
      sampleEvent: JSON.stringify({
        id: 'evt_test_Qm2vYb7Lr0cXkT3aWn8pZu1s',
        object: 'event',
        type: 'checkout.expired',
        created: Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: 'cs_test_a1B2c3D4e5F6g7H8i9J0kLmN',
            object: 'checkout.session',
            state: 'expired',
            amount: 4900,
            currency: 'eur',
            metadata: { orderId: 'order-1', attemptId: 'attempt-1' },
          },
        },
      }),
      sign,
      cards: testCards,
      shopUrl: 'http://127.0.0.1:3000',
      async close() {
        await gateway.close();
        await receiver.close();
      },
    };
  },
  { api: true, hostedPage: true },
);

describe('SandboxGateway (the shop side of the sandbox)', () => {
  it('says the gateway is unavailable, retryable, when nothing answers or it answers too slowly', async () => {
    const nobody = new SandboxGateway({
      url: 'http://127.0.0.1:9',
      apiKey: 'k'.repeat(20),
      webhookSecret: 's'.repeat(20),
    });
    await expect(nobody.retrieveCheckout('cs_test_x')).rejects.toMatchObject({ retryable: true, code: 'unavailable' });

    const http = await import('node:http');
    const silent = http.createServer(() => {}); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const slow = new SandboxGateway({
      url: `http://127.0.0.1:${port}`,
      apiKey: 'k'.repeat(20),
      webhookSecret: 's'.repeat(20),
      timeoutMs: 200,
    });
    const error = await slow.retrieveCheckout('cs_test_x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaymentGatewayError);
    expect(error).toMatchObject({ retryable: true, message: expect.stringContaining('timed out') });
    silent.closeAllConnections();
    silent.close();
  });

  it('is refused, not retryable, with a wrong API key', async () => {
    const gateway = await startTestSandboxGateway();
    try {
      const wrong = new SandboxGateway({
        url: gateway.url,
        apiKey: 'sk_sandbox_not_the_key',
        webhookSecret: gateway.webhookSecret,
      });
      await expect(wrong.retrieveCheckout('cs_test_x')).rejects.toMatchObject({ retryable: false, code: 'rejected' });
    } finally {
      await gateway.close();
    }
  });

  it('reads every event type the sandbox sends: refunds that fail, disputes opened and settled, a session that failed for good', async () => {
    const receiver = await startWebhookReceiver();
    const gateway = await startTestSandboxGateway({ webhookUrl: receiver.url, asyncDelayMs: 20 });
    const client = gateway.client();
    const parse = async (reference: string, type: string) => {
      const delivery = await receiver.waitFor((d) => d.reference === reference && d.type === type);
      return client.parseWebhook(delivery.rawBody, delivery.headers, new Date());
    };
    const open = () =>
      client.createCheckout({
        orderId: 'order-42',
        attemptId: randomUUID(),
        amountCents: 2500,
        currency: 'EUR',
        description: 'Code Academy – order 42',
        customerEmail: 'buyer@example.com',
        locale: 'fr',
        successUrl: 'http://127.0.0.1:3000/ok',
        cancelUrl: 'http://127.0.0.1:3000/cancel',
        expiresAt: new Date(Date.now() + 3600_000),
      });
    try {
      // 4000 0000 0000 5126: paid, then its refund is pending and fails.
      const refunding = await open();
      await payThroughHostedPage(refunding.url, testCards.refundsFail);
      const refund = await client.refund({
        reference: refunding.reference,
        amountCents: 2500,
        idempotencyKey: randomUUID(),
      });
      expect(refund.state).toBe('pending');
      expect(await parse(refunding.reference, 'refund.failed')).toMatchObject({
        type: 'refund.failed',
        refundId: refund.refundId,
        amountCents: 2500,
        orderId: 'order-42',
      });
      // The failed refund gave the amount back: it can be refunded (tried) again.
      expect(
        (await client.refund({ reference: refunding.reference, amountCents: 2500, idempotencyKey: randomUUID() }))
          .state,
      ).toBe('pending');

      // 4000 0000 0000 0259: paid, then disputed by itself; the dispute is settled through the test API.
      const disputed = await open();
      await payThroughHostedPage(disputed.url, testCards.disputed);
      const opened = await parse(disputed.reference, 'dispute.opened');
      expect(opened).toMatchObject({
        type: 'dispute.opened',
        reference: disputed.reference,
        amountCents: 2500,
        reason: 'fraudulent',
      });
      await expect(
        client.refund({ reference: disputed.reference, amountCents: 100, idempotencyKey: randomUUID() }),
      ).rejects.toMatchObject({ code: 'disputed' });
      const disputeId = opened.type === 'dispute.opened' ? opened.disputeId : '';
      const closed = await fetch(`${gateway.url}/v1/test_helpers/disputes/${disputeId}/close`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ outcome: 'lost' }),
      });
      expect(closed.status).toBe(200);
      expect(await parse(disputed.reference, 'dispute.lost')).toMatchObject({ disputeId, amountCents: 2500 });

      // Five declines: the session fails for good, and only then is payment.failed sent.
      const failing = await open();
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        expect(await payThroughHostedPage(failing.url, testCards.declined)).toMatchObject({ outcome: 'declined' });
      }
      expect(receiver.received.some((d) => d.reference === failing.reference)).toBe(false);
      expect(await payThroughHostedPage(failing.url, testCards.insufficientFunds)).toMatchObject({
        outcome: 'closed',
        status: 410,
      });
      expect(await parse(failing.reference, 'payment.failed')).toMatchObject({ failure: 'insufficient_funds' });
      expect(await client.retrieveCheckout(failing.reference)).toMatchObject({
        state: 'failed',
        failure: 'insufficient_funds',
      });
      await client.cancelCheckout(failing.reference); // nothing to close, nothing refused
    } finally {
      await gateway.close();
      await receiver.close();
    }
  });
});
