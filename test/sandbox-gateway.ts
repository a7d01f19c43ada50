import { randomBytes } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { SandboxGateway } from '../src/platform/payments/sandbox-gateway.js';
import {
  type RunningSandboxGateway,
  type SandboxGatewayOptions,
  startSandboxGateway,
} from '../src/sandbox-gateway/start-sandbox-gateway.js';

/**
 * The sandbox payment gateway for tests: a real one, on a free port, and a buyer who pays on its
 * hosted page over real HTTP (GET the page, read the CSRF token, POST the card, follow the
 * 3-D Secure step), as a browser without JavaScript would.
 */

/** Stripe's test card numbers, as the sandbox reads them (src/sandbox-gateway/test-cards.ts). */
export const testCards = {
  success: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
  threeDSecure: '4000 0027 6000 3184',
  disputed: '4000 0000 0000 0259',
  refundsFail: '4000 0000 0000 5126',
  expiredCard: '4000 0000 0000 0069',
  incorrectCvc: '4000 0000 0000 0127',
  processingError: '4000 0000 0000 0119',
  mastercard: '5555 5555 5555 4444',
  amex: '3782 822463 10005',
} as const;

export interface TestSandboxGateway extends RunningSandboxGateway {
  apiKey: string;
  webhookSecret: string;
  /**
   * The shop's environment for this gateway: PAYMENT_GATEWAY, SANDBOX_GATEWAY_URL and both keys.
   * Pass it to the harness (`describeEachEngine(title, body, { env: gateway.env })`).
   */
  env: Record<string, string>;
  /** A shop-side client of this gateway (what createPaymentGateway builds from `env`). */
  client(): SandboxGateway;
}

/** Starts a gateway on a free port with fresh random keys. Webhooks go to `webhookUrl` (or `setWebhookUrl` later). */
export async function startTestSandboxGateway(
  options: Partial<SandboxGatewayOptions> = {},
): Promise<TestSandboxGateway> {
  const apiKey = options.apiKey ?? `sk_sandbox_test_${randomBytes(12).toString('hex')}`;
  const webhookSecret = options.webhookSecret ?? `whsec_sandbox_test_${randomBytes(12).toString('hex')}`;
  const running = await startSandboxGateway({ port: 0, asyncDelayMs: 50, ...options, apiKey, webhookSecret });
  return Object.assign(running, {
    apiKey,
    webhookSecret,
    env: gatewayEnv(running.url, apiKey, webhookSecret),
    client: () => new SandboxGateway({ url: running.url, apiKey, webhookSecret }),
  });
}

function gatewayEnv(url: string, apiKey: string, webhookSecret: string): Record<string, string> {
  return {
    PAYMENT_GATEWAY: 'sandbox',
    SANDBOX_GATEWAY_URL: url,
    SANDBOX_GATEWAY_API_KEY: apiKey,
    SANDBOX_GATEWAY_WEBHOOK_SECRET: webhookSecret,
  };
}

/**
 * One gateway for the enclosing `describe` (or file): started in a beforeAll, closed in an
 * afterAll. Call it before `describeEachEngine` so its beforeAll runs first: `env` is filled in by
 * then, and the harness reads it when it builds the shop.
 *
 *   const payments = useSandboxGateway();
 *   describeEachEngine('checkout', (suite) => { … payments.gateway.setWebhookUrl(…) … }, { env: payments.env });
 */
export function useSandboxGateway(options: Partial<SandboxGatewayOptions> = {}) {
  const env: Record<string, string> = {};
  let gateway: TestSandboxGateway | undefined;
  beforeAll(async () => {
    gateway = await startTestSandboxGateway(options);
    Object.assign(env, gateway.env);
  });
  afterAll(async () => {
    await gateway?.close();
  });
  return {
    env,
    get gateway(): TestSandboxGateway {
      if (!gateway) throw new Error('the sandbox gateway is only available inside tests (after beforeAll)');
      return gateway;
    },
  };
}

export interface PayOptions {
  /** Default: a date three years ahead, "MM/YY". */
  expiry?: string;
  /** Default: 123 (1234 for an American Express card). */
  cvc?: string;
  name?: string;
  /** The answer to a 3-D Secure challenge, if the card asks for one. Default: complete. */
  authentication?: 'complete' | 'fail';
  acceptLanguage?: string;
}

export type PayResult =
  /** The gateway sent the buyer back to the shop (303 to the success URL). */
  | { outcome: 'succeeded'; redirectTo: string }
  /** The card was declined: the page says why and the session is still payable. */
  | { outcome: 'declined'; status: number; html: string }
  /** A field was refused (Luhn, expiry, CVC, name): 422 with the fields in error. */
  | { outcome: 'invalid'; status: number; fields: string[]; html: string }
  /** The session cannot be paid (expired, failed, already paid, unknown): 404, 410 or the paid page. */
  | { outcome: 'closed'; status: number; html: string };

/** Pays a checkout session on its hosted page with `card`, over real HTTP, as a browser would. */
export async function payThroughHostedPage(
  pageUrl: string,
  card: string,
  options: PayOptions = {},
): Promise<PayResult> {
  const browser = new Browser(options.acceptLanguage ?? 'en');
  const page = await browser.get(pageUrl);
  if (page.status !== 200 || !page.html.includes('name="number"')) {
    return { outcome: 'closed', status: page.status, html: page.html };
  }
  const digits = card.replace(/\D/g, '');
  const year = (new Date().getUTCFullYear() + 3) % 100;
  const answer = await browser.post(pageUrl, {
    csrf: csrfToken(page.html),
    number: card,
    expiry: options.expiry ?? `12/${String(year).padStart(2, '0')}`,
    cvc: options.cvc ?? (/^3[47]/.test(digits) ? '1234' : '123'),
    name: options.name ?? 'Ada Lovelace',
  });
  if (answer.status === 422)
    return { outcome: 'invalid', status: 422, fields: invalidFields(answer.html), html: answer.html };
  if (answer.status === 402) return { outcome: 'declined', status: 402, html: answer.html };
  if (answer.status !== 303) return { outcome: 'closed', status: answer.status, html: answer.html };
  const next = new URL(answer.location, pageUrl);
  if (!next.pathname.endsWith('/authenticate')) return { outcome: 'succeeded', redirectTo: next.href };

  const challenge = await browser.get(next.href);
  const decided = await browser.post(next.href, {
    csrf: csrfToken(challenge.html),
    outcome: options.authentication ?? 'complete',
  });
  const after = new URL(decided.location, pageUrl);
  if (decided.status === 303 && after.origin !== new URL(pageUrl).origin)
    return { outcome: 'succeeded', redirectTo: after.href };
  const back = decided.status === 303 ? await browser.get(after.href) : decided;
  return back.status === 200 && back.html.includes('name="number"')
    ? { outcome: 'declined', status: back.status, html: back.html }
    : { outcome: 'closed', status: back.status, html: back.html };
}

export function csrfToken(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

function invalidFields(html: string): string[] {
  return [...html.matchAll(/id="([a-z]+)" name="\1"[^>]*aria-invalid="true"/g)].map((match) => match[1]!);
}

/** Just enough of a browser: one cookie jar for the gateway's origin, redirects seen, not followed. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly language = 'en') {}

  get(url: string) {
    return this.request(url, { method: 'GET' });
  }

  post(url: string, form: Record<string, string>) {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  private async request(url: string, init: { method: string; headers?: Record<string, string>; body?: string }) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { 'accept-language': this.language, ...(cookie ? { cookie } : {}), ...init.headers },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return {
      status: response.status,
      location: response.headers.get('location') ?? '',
      headers: response.headers,
      html: await response.text(),
    };
  }
}

export interface ReceivedWebhook {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  /** What the receiver answered. */
  status: number;
  /** The event's id and type, read from the body. */
  id: string;
  type: string;
  /** The checkout session the event is about. */
  reference: string;
}

/**
 * A shop's webhook endpoint stand-in for the gateway's own tests: records every POST raw, and
 * answers what `respond` says (200 by default), so tests can make it fail on purpose.
 */
export async function startWebhookReceiver(respond: (delivery: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const waiters: (() => void)[] = [];
  let answer = respond;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const status = answer(received.length + 1);
      const event = JSON.parse(rawBody.toString('utf8')) as {
        id: string;
        type: string;
        data: { object: Record<string, string> };
      };
      const object = event.data.object;
      received.push({
        rawBody,
        headers: request.headers,
        status,
        id: event.id,
        type: event.type,
        reference: object.object === 'checkout.session' ? object.id! : object.checkout_session!,
      });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/payments`,
    received,
    respondWith(next: (delivery: number) => number) {
      answer = next;
    },
    /** The first delivery (answered 2xx) matching `predicate`, waiting for it up to `timeoutMs`. */
    async waitFor(predicate: (delivery: ReceivedWebhook) => boolean, timeoutMs = 5000): Promise<ReceivedWebhook> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find((delivery) => delivery.status < 300 && predicate(delivery));
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no such webhook within ${timeoutMs} ms (got ${received.map((r) => r.type).join(', ')})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
