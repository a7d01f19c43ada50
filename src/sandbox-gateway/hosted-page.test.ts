import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Browser,
  csrfToken,
  payThroughHostedPage,
  startTestSandboxGateway,
  startWebhookReceiver,
  type TestSandboxGateway,
  testCards,
  type WebhookReceiver,
} from '../../test/sandbox-gateway.js';
import type { GatewayLogEntry } from './gateway-log.js';

let gateway: TestSandboxGateway;
let receiver: WebhookReceiver;
let clock = new Date('2026-12-03T12:00:00Z');
const logs: GatewayLogEntry[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  gateway = await startTestSandboxGateway({
    webhookUrl: receiver.url,
    now: () => clock,
    log: (entry) => logs.push(entry),
  });
});

afterAll(async () => {
  await gateway.close();
  await receiver.close();
});

async function open(overrides: Record<string, unknown> = {}) {
  const response = await fetch(`${gateway.url}/v1/checkout/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      amount: 4900,
      currency: 'EUR',
      description: 'Code Academy – order 7K3F9Q',
      customer_email: 'buyer@example.com',
      locale: 'en',
      success_url: 'http://127.0.0.1:3000/en/orders/7K3F9Q/paid',
      cancel_url: 'http://127.0.0.1:3000/en/orders/7K3F9Q',
      expires_at: Math.floor(clock.getTime() / 1000) + 1800,
      metadata: { orderId: 'order-1', attemptId: 'attempt-1' },
      ...overrides,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; url: string };
}

const year = (clock.getUTCFullYear() + 3) % 100;

describe('the hosted card page', () => {
  it('shows the merchant line, the amount and the test cards, in the session’s language', async () => {
    const english = await new Browser().get((await open()).url);
    expect(english.status).toBe(200);
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('Code Academy – order 7K3F9Q');
    expect(english.html).toContain('€49.00');
    expect(english.html).toContain('Test mode');
    expect(english.html).toContain('4000 0027 6000 3184');
    expect(english.html).toContain('href="http://127.0.0.1:3000/en/orders/7K3F9Q"');

    const french = await new Browser().get((await open({ locale: 'fr' })).url);
    expect(french.html).toContain('<html lang="fr">');
    expect(french.html).toContain('49,00');
    expect(french.html).toContain('Mode test');
    expect(french.html).toContain('Numéro de carte');
  });

  it('is sent with the headers of a payment page: no cache, no frame, no script, forms only to itself and the shop', async () => {
    const page = await new Browser().get((await open()).url);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' http://127.0.0.1:3000; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(page.html).not.toContain('<script');
    expect(page.headers.get('set-cookie')).toMatch(/^sandbox_gateway_csrf=[\w-]+; Path=\/pay; HttpOnly; SameSite=Lax$/);
  });

  it('says what is wrong with each field (422), keeps expiry and name, never echoes the number or the code', async () => {
    const session = await open();
    const browser = new Browser();
    const page = await browser.get(session.url);
    const answer = await browser.post(session.url, {
      csrf: csrfToken(page.html),
      number: '4242 4242 4242 4241',
      expiry: '11/26',
      cvc: '98',
      name: 'Ada Lovelace',
    });
    expect(answer.status).toBe(422);
    expect(answer.html).toContain('This card number is not valid');
    expect(answer.html).toContain('This card has expired.');
    expect(answer.html).toContain('The security code has 3 digits');
    expect(answer.html).toContain('aria-describedby="number-error"');
    expect(answer.html).toContain('value="Ada Lovelace"');
    expect(answer.html).toContain('value="11/26"');
    expect(answer.html).not.toContain('4242 4242 4242 4241');
    expect(answer.html).not.toContain('"98"');
    expect(await payThroughHostedPage(session.url, '1234', { acceptLanguage: 'fr' })).toMatchObject({
      outcome: 'invalid',
      fields: ['number'],
    });
  });

  it('refuses a post without the page’s token, or with another session’s, and takes nothing', async () => {
    const session = await open();
    const other = await open();
    const browser = new Browser();
    const otherToken = csrfToken((await browser.get(other.url)).html);
    await browser.get(session.url);
    const card = { number: testCards.success, expiry: `12/${year}`, cvc: '123', name: 'Ada Lovelace' };
    for (const csrf of ['', 'forged', otherToken]) {
      const answer = await browser.post(session.url, { ...card, csrf });
      expect(answer.status).toBe(403);
      expect(answer.html).toContain('This form has expired');
    }
    // The right token, but from a browser without the cookie (another site posting): refused too.
    const token = csrfToken((await new Browser().get(session.url)).html);
    const cookieless = await fetch(session.url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...card, csrf: token }).toString(),
    });
    expect(cookieless.status).toBe(403);
    expect(await payThroughHostedPage(session.url, testCards.success)).toMatchObject({ outcome: 'succeeded' });
  });

  it('declines a real (non-test) card, saying only test cards work', async () => {
    const result = await payThroughHostedPage((await open()).url, '4012 8888 8888 1881');
    expect(result).toMatchObject({ outcome: 'declined', status: 402 });
    expect(result.outcome === 'declined' && result.html).toContain('This gateway accepts test cards only.');
  });

  it('answers an unknown session 404 in the browser’s language', async () => {
    const french = await new Browser('fr-FR,fr;q=0.9').get(`${gateway.url}/pay/cs_test_nope`);
    expect(french.status).toBe(404);
    expect(french.html).toContain('Page de paiement introuvable');
    const elsewhere = await new Browser().get(`${gateway.url}/somewhere`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.html).toContain('Payment page not found');
  });

  it('expires a session when its time is up: 410 with a way back, and checkout.expired sent', async () => {
    const session = await open({ expires_at: Math.floor(clock.getTime() / 1000) + 60 });
    clock = new Date(clock.getTime() + 61_000);
    gateway.expireDueSessions();
    const page = await new Browser().get(session.url);
    expect(page.status).toBe(410);
    expect(page.html).toContain('This payment page has expired');
    expect(page.html).toContain('href="http://127.0.0.1:3000/en/orders/7K3F9Q"');
    const event = await receiver.waitFor((d) => d.reference === session.id && d.type === 'checkout.expired');
    expect(JSON.parse(event.rawBody.toString()).data.object).not.toHaveProperty('customer_email');
  });

  it('shows a paid session as paid, with the way back to the shop', async () => {
    const session = await open();
    await payThroughHostedPage(session.url, testCards.mastercard);
    const page = await new Browser().get(session.url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('This payment is complete.');
    expect(page.html).toContain('href="http://127.0.0.1:3000/en/orders/7K3F9Q/paid"');
    expect(page.html).not.toContain('name="number"');
  });

  it('sends the challenge page back to the card page when no authentication is waiting', async () => {
    const session = await open();
    const answer = await new Browser().get(`${session.url}/authenticate`);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`/pay/${session.id}`);
  });

  it('never logs a card number, a security code or a cardholder’s name', async () => {
    await payThroughHostedPage((await open()).url, testCards.declined, { cvc: '731', name: 'Grace Hopper' });
    await payThroughHostedPage((await open()).url, testCards.threeDSecure, { cvc: '731', name: 'Grace Hopper' });
    const written = JSON.stringify(logs);
    expect(logs.some((entry) => entry.route === '/pay/:id' && entry.method === 'POST')).toBe(true);
    for (const secret of [
      '4000000000000002',
      '0000 0002',
      '4000002760003184',
      '731',
      'Grace Hopper',
      'buyer@example.com',
    ]) {
      expect(written).not.toContain(secret);
    }
  });
});
