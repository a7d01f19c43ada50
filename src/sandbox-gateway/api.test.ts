import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  payThroughHostedPage,
  startTestSandboxGateway,
  type TestSandboxGateway,
  testCards,
} from '../../test/sandbox-gateway.js';

let gateway: TestSandboxGateway;
beforeAll(async () => {
  gateway = await startTestSandboxGateway();
});
afterAll(async () => {
  await gateway.close();
});

/** The fields these tests read; the rest is compared with toMatchObject. */
type Answer = Record<string, unknown> & {
  id: string;
  url: string;
  status: string;
  amount_refunded: number;
  error: object;
};

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url + path, {
    method,
    headers: {
      authorization: `Bearer ${gateway.apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

const newSession = () => ({
  amount: 1500,
  currency: 'eur',
  description: 'Code Academy – order 42',
  customer_email: 'buyer@example.com',
  locale: 'fr',
  success_url: 'http://127.0.0.1:3000/ok',
  cancel_url: 'http://127.0.0.1:3000/cancel',
  metadata: { orderId: 'order-42', attemptId: 'attempt-1' },
});

describe('the sandbox API', () => {
  it('refuses a request without the right secret key (401), and answers a ping with it', async () => {
    for (const authorization of ['', 'Bearer nope', `Basic ${gateway.apiKey}`, `Bearer ${gateway.apiKey}x`]) {
      const answer = await call('GET', '/v1/ping', undefined, { authorization });
      expect(answer).toMatchObject({
        status: 401,
        body: { error: { type: 'authentication_error', code: 'api_key_invalid' } },
      });
    }
    expect(await call('GET', '/v1/ping')).toEqual({ status: 200, body: { ok: true } });
  });

  it.each([
    [{ amount: 0 }, 'amount'],
    [{ amount: 12.5 }, 'amount'],
    [{ currency: 'euro' }, 'currency'],
    [{ customer_email: 'nobody' }, 'customer_email'],
    [{ locale: 'de' }, 'locale'],
    [{ success_url: 'javascript:alert(1)' }, 'success_url'],
    [{ cancel_url: '/relative' }, 'cancel_url'],
    [{ expires_at: 1 }, 'expires_at'],
    [{ expires_at: Math.floor(Date.now() / 1000) + 2 * 86400 }, 'expires_at'],
    [{ metadata: { orderId: 42 } }, 'metadata'],
    [{ description: '' }, 'description'],
  ])('refuses a session with %j, naming %s (400)', async (change, param) => {
    const answer = await call('POST', '/v1/checkout/sessions', { ...newSession(), ...change });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid', param });
  });

  it('answers malformed JSON and unknown paths with JSON errors, never a 500', async () => {
    expect((await call('POST', '/v1/checkout/sessions', '{"amount":')).status).toBe(400);
    expect(await call('GET', '/v1/nothing')).toMatchObject({
      status: 404,
      body: { error: { code: 'resource_missing' } },
    });
    expect(await call('GET', '/v1/checkout/sessions/cs_test_unknown')).toMatchObject({ status: 404 });
  });

  it('opens one session per Idempotency-Key, and refuses the key reused with other parameters', async () => {
    const key = { 'idempotency-key': `key-${Math.random()}` };
    const first = await call('POST', '/v1/checkout/sessions', newSession(), key);
    const again = await call('POST', '/v1/checkout/sessions', newSession(), key);
    expect(first.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ state: 'pending', amount: 1500, currency: 'eur', locale: 'fr', card: null });
    const other = await call('POST', '/v1/checkout/sessions', { ...newSession(), amount: 1600 }, key);
    expect(other).toMatchObject({ status: 400, body: { error: { code: 'idempotency_key_reused' } } });
    const withoutKey = await call('POST', '/v1/checkout/sessions', newSession());
    expect(withoutKey.body.id).not.toBe(first.body.id);
  });

  it('refunds the rest when no amount is given, and disputes through the test helpers', async () => {
    const session = (await call('POST', '/v1/checkout/sessions', newSession())).body;
    expect(await call('POST', '/v1/refunds', { checkout_session: session.id })).toMatchObject({
      status: 400,
      body: { error: { code: 'not_paid' } },
    });
    await payThroughHostedPage(session.url, testCards.success);
    const paid = (await call('GET', `/v1/checkout/sessions/${session.id}`)).body;
    expect(paid).toMatchObject({
      state: 'succeeded',
      card: { brand: 'visa', last4: '4242', exp_month: 12 },
      failure_reason: null,
    });
    const part = await call('POST', '/v1/refunds', { checkout_session: session.id, amount: 500 });
    const rest = await call('POST', '/v1/refunds', { checkout_session: session.id });
    expect(rest.body).toMatchObject({ object: 'refund', amount: 1000, status: 'succeeded' });
    expect((await call('GET', `/v1/refunds/${part.body.id}`)).body).toMatchObject({ amount: 500 });
    expect((await call('GET', `/v1/checkout/sessions/${session.id}`)).body.amount_refunded).toBe(1500);
    // Fully refunded: nothing left to dispute.
    const disputed = await call('POST', `/v1/test_helpers/checkout/sessions/${session.id}/dispute`, {});
    expect(disputed.status).toBe(200);
    expect(disputed.body).toMatchObject({
      object: 'dispute',
      amount: 0,
      status: 'needs_response',
      reason: 'fraudulent',
    });
    expect(
      await call('POST', `/v1/test_helpers/disputes/${disputed.body.id}/close`, { outcome: 'maybe' }),
    ).toMatchObject({
      status: 400,
    });
    expect(
      (await call('POST', `/v1/test_helpers/disputes/${disputed.body.id}/close`, { outcome: 'won' })).body.status,
    ).toBe('won');
    expect(
      await call('POST', `/v1/test_helpers/disputes/${disputed.body.id}/close`, { outcome: 'lost' }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'dispute_closed' } },
    });
  });
});
