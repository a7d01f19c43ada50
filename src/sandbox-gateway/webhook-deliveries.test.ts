import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  payThroughHostedPage,
  startTestSandboxGateway,
  startWebhookReceiver,
  testCards,
} from '../../test/sandbox-gateway.js';
import type { SandboxGatewayOptions } from './start-sandbox-gateway.js';

/** A gateway and a shop endpoint stand-in; `body` opens and pays sessions, then the test looks at the deliveries. */
async function withGateway<T>(options: Partial<SandboxGatewayOptions>, body: (use: Tools) => Promise<T>): Promise<T> {
  const receiver = await startWebhookReceiver();
  const gateway = await startTestSandboxGateway({ webhookUrl: receiver.url, ...options });
  try {
    return await body(await tools(gateway, receiver));
  } finally {
    await gateway.close();
    await receiver.close();
  }
}

type Tools = Awaited<ReturnType<typeof tools>>;

async function tools(
  gateway: Awaited<ReturnType<typeof startTestSandboxGateway>>,
  receiver: Awaited<ReturnType<typeof startWebhookReceiver>>,
) {
  const client = gateway.client();
  let attempt = 0;
  const paidSession = async (card: string = testCards.success) => {
    attempt += 1;
    const session = await client.createCheckout({
      orderId: `order-${attempt}`,
      attemptId: `attempt-${attempt}-${Math.random()}`,
      amountCents: 1000,
      currency: 'EUR',
      description: 'Code Academy',
      customerEmail: 'buyer@example.com',
      locale: 'en',
      successUrl: 'http://127.0.0.1:3000/ok',
      cancelUrl: 'http://127.0.0.1:3000/cancel',
      expiresAt: new Date(Date.now() + 3600_000),
    });
    await payThroughHostedPage(session.url, card);
    return session;
  };
  return { gateway, receiver, client, paidSession };
}

describe('webhook deliveries', () => {
  it('signs each delivery over its raw body with its own time: Vitrine-Gateway-Signature t=…,v1=…', async () => {
    await withGateway({}, async ({ gateway, receiver, paidSession }) => {
      await paidSession();
      await gateway.waitForDeliveries();
      const [delivery] = receiver.received;
      const header = String(delivery!.headers['vitrine-gateway-signature']);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)!;
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(5);
      expect(v1).toBe(createHmac('sha256', gateway.webhookSecret).update(`${t}.${delivery!.rawBody}`).digest('hex'));
      expect(delivery!.headers['content-type']).toBe('application/json');
    });
  });

  it('retries a refused delivery with doubling delays until the shop answers 2xx (500, 500, then 200)', async () => {
    await withGateway({ retry: { firstDelayMs: 100 } }, async ({ gateway, receiver, paidSession }) => {
      receiver.respondWith((delivery) => (delivery <= 2 ? 500 : 200));
      const session = await paidSession();
      await gateway.waitForDeliveries();
      const attempts = gateway.deliveries();
      expect(attempts.map((a) => [a.type, a.attempt, a.status])).toEqual([
        ['payment.succeeded', 1, 500],
        ['payment.succeeded', 2, 500],
        ['payment.succeeded', 3, 200],
      ]);
      // One event, the same id and body each time; signed afresh at each attempt.
      expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
      expect(new Set(receiver.received.map((r) => r.rawBody.toString())).size).toBe(1);
      expect(receiver.received[2]!.reference).toBe(session.reference);
      const [first, second, third] = attempts.map((a) => Date.parse(a.at));
      expect(second! - first!).toBeGreaterThanOrEqual(100);
      expect(third! - second!).toBeGreaterThanOrEqual(200);
      expect(gateway.deliveryStats()).toMatchObject({ events: 1, attempts: 3, delivered: 1, failedAttempts: 2 });
    });
  });

  it('waits 1 s, then 2 s, doubling, by default', async () => {
    const started = Date.now();
    await withGateway({}, async ({ gateway, receiver, paidSession }) => {
      receiver.respondWith((delivery) => (delivery <= 2 ? 503 : 200));
      await paidSession();
      await gateway.waitForDeliveries();
      const [first, second, third] = gateway.deliveries().map((d) => Date.parse(d.at));
      expect(second! - first!).toBeGreaterThanOrEqual(1000);
      expect(second! - first!).toBeLessThan(1900);
      expect(third! - second!).toBeGreaterThanOrEqual(2000);
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  });

  it('keeps retrying while the shop does not answer at all, and delivers once it is back', async () => {
    const receiver = await startWebhookReceiver();
    const gateway = await startTestSandboxGateway({
      webhookUrl: 'http://127.0.0.1:9/webhooks/payments',
      retry: { firstDelayMs: 20 },
    });
    try {
      const { paidSession } = await tools(gateway, receiver);
      await paidSession();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(gateway.deliveries().every((d) => d.status === 'error')).toBe(true);
      expect(gateway.deliveries().length).toBeGreaterThanOrEqual(2);
      gateway.setWebhookUrl(receiver.url);
      await gateway.waitForDeliveries();
      expect(receiver.received.map((r) => r.type)).toEqual(['payment.succeeded']);
    } finally {
      await gateway.close();
      await receiver.close();
    }
  });

  it('holds deliveries while paused and sends them on resume', async () => {
    await withGateway({}, async ({ gateway, receiver, paidSession }) => {
      gateway.pauseDeliveries();
      await paidSession();
      await paidSession();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(receiver.received).toHaveLength(0);
      gateway.resumeDeliveries();
      await gateway.waitForDeliveries();
      expect(receiver.received.map((r) => r.type)).toEqual(['payment.succeeded', 'payment.succeeded']);
    });
  });

  it('with chaos, delivers some events twice under the same id, and reorders events, reporting it', async () => {
    const chaos = { duplicateProbability: 0.5, maxExtraDelayMs: 150, seed: 20261203 };
    const run = () =>
      withGateway({ chaos, asyncDelayMs: 400 }, async ({ gateway, receiver, paidSession, client }) => {
        gateway.pauseDeliveries();
        for (let i = 0; i < 6; i += 1) {
          const session = await paidSession(testCards.disputed);
          await client.refund({ reference: session.reference, amountCents: 100, idempotencyKey: `r-${i}` });
        }
        await new Promise((resolve) => setTimeout(resolve, 500)); // the disputes open
        gateway.resumeDeliveries();
        await gateway.waitForDeliveries();
        return { received: receiver.received, records: gateway.deliveries(), stats: gateway.deliveryStats() };
      });
    const { received, records, stats } = await run();

    expect(stats.events).toBe(18); // per session: payment.succeeded, refund.succeeded, dispute.opened
    expect(stats.duplicates).toBeGreaterThan(0);
    expect(received).toHaveLength(18 + stats.duplicates);
    const ids = received.map((r) => r.id);
    const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(twice).toHaveLength(stats.duplicates);
    for (const id of twice) {
      const copies = received.filter((r) => r.id === id);
      expect(new Set(copies.map((c) => c.rawBody.toString())).size).toBe(1);
    }
    // Some event of a session arrived after a later one of the same session: counted and marked.
    expect(stats.outOfOrder).toBeGreaterThan(0);
    expect(records.filter((r) => r.outOfOrder)).toHaveLength(stats.outOfOrder);
    const late = records.find((r) => r.outOfOrder)!;
    const laterFirst = records.find(
      (r) => r.session === late.session && r.sequence > late.sequence && records.indexOf(r) < records.indexOf(late),
    );
    expect(laterFirst).toBeDefined();
    expect(stats.delivered).toBe(received.length);
  });

  it('without chaos, delivers each event once, in the order raised', async () => {
    await withGateway({ asyncDelayMs: 300 }, async ({ gateway, receiver, paidSession, client }) => {
      const session = await paidSession(testCards.disputed);
      await client.refund({ reference: session.reference, amountCents: 100, idempotencyKey: 'r' });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await gateway.waitForDeliveries();
      expect(receiver.received.map((r) => r.type)).toEqual(['payment.succeeded', 'refund.succeeded', 'dispute.opened']);
      expect(gateway.deliveryStats()).toMatchObject({ duplicates: 0, outOfOrder: 0 });
    });
  });

  it('with several deliveries at once, sends sessions in parallel but never two of one session together', async () => {
    // A shop that takes 80 ms to answer, noting when each delivery starts and ends.
    const spans: { session: string; type: string; start: number; end: number }[] = [];
    const server = http.createServer((request, response) => {
      const start = Date.now();
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          type: string;
          data: { object: Record<string, string> };
        };
        const object = event.data.object;
        const session = object.object === 'checkout.session' ? object.id : object.checkout_session;
        setTimeout(() => {
          spans.push({ session: String(session), type: event.type, start, end: Date.now() });
          response.writeHead(200).end('{}');
        }, 80);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/payments`;
    const gateway = await startTestSandboxGateway({ webhookUrl: url, webhookConcurrency: 4, asyncDelayMs: 10 });
    const unused = await startWebhookReceiver();
    try {
      const { paidSession } = await tools(gateway, unused);
      // Four sessions at once; the disputed card's session raises a second event soon after its payment.
      await Promise.all([paidSession(testCards.disputed), paidSession(), paidSession(), paidSession()]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await gateway.waitForDeliveries();
      expect(spans.length).toBeGreaterThanOrEqual(5);
      const overlap = (a: (typeof spans)[number], b: (typeof spans)[number]) => a.start < b.end && b.start < a.end;
      const pairs = spans.flatMap((a, i) => spans.slice(i + 1).map((b) => [a, b] as const));
      expect(pairs.some(([a, b]) => a.session !== b.session && overlap(a, b))).toBe(true);
      expect(pairs.filter(([a, b]) => a.session === b.session && overlap(a, b))).toEqual([]);
      expect(spans.filter((span) => span.type === 'dispute.opened')).toHaveLength(1);
    } finally {
      await gateway.close();
      await unused.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
