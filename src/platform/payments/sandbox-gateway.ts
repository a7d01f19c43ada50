import http from 'node:http';
import https from 'node:https';
import {
  type CheckoutRequest,
  type CheckoutSession,
  type PaymentGateway,
  PaymentGatewayError,
  type PaymentGatewayErrorCode,
  type PaymentStatus,
  type RefundRequest,
  type RefundResult,
  type WebhookHeaders,
} from './payment-gateway.js';
import { eventFromBody, statusFromSession } from './sandbox-events.js';
import { verifySandboxSignature } from './sandbox-webhook-signature.js';

export interface SandboxGatewayOptions {
  /** The sandbox's API, e.g. http://127.0.0.1:4242. */
  url: string;
  apiKey: string;
  webhookSecret: string;
  /** How long one API call may take before it counts as unavailable. Default 10 s. */
  timeoutMs?: number;
}

/**
 * The shop's client of the sandbox gateway (src/sandbox-gateway/, a separate program): its JSON
 * API over HTTP, and its signed webhooks. Speaks only HTTP to it, as the Stripe client does to
 * Stripe, so the two implementations are held to the same contract.
 */
export class SandboxGateway implements PaymentGateway {
  readonly name = 'sandbox';
  readonly pageOrigin: string;
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly client: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(private readonly options: SandboxGatewayOptions) {
    this.url = options.url.replace(/\/$/, '');
    const secure = this.url.startsWith('https:');
    this.client = secure ? https : http;
    this.agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    // Its pages are served where its API is (SANDBOX_GATEWAY_URL).
    this.pageOrigin = new URL(this.url).origin;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
    const session = await this.call(
      'POST',
      '/v1/checkout/sessions',
      {
        amount: request.amountCents,
        currency: request.currency,
        description: request.description,
        customer_email: request.customerEmail,
        locale: request.locale,
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        expires_at: Math.floor(request.expiresAt.getTime() / 1000),
        metadata: { orderId: request.orderId, attemptId: request.attemptId },
      },
      `checkout-${request.attemptId}`,
    );
    return { reference: String(session.id), url: String(session.url) };
  }

  async retrieveCheckout(reference: string): Promise<PaymentStatus> {
    const session = await this.call('GET', `/v1/checkout/sessions/${encodeURIComponent(reference)}`);
    try {
      return statusFromSession(session);
    } catch (error) {
      throw new PaymentGatewayError(
        `sandbox gateway answered an unreadable session: ${(error as Error).message}`,
        false,
      );
    }
  }

  async cancelCheckout(reference: string): Promise<void> {
    await this.call('POST', `/v1/checkout/sessions/${encodeURIComponent(reference)}/expire`, {});
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const refund = await this.call(
      'POST',
      '/v1/refunds',
      { checkout_session: request.reference, amount: request.amountCents },
      request.idempotencyKey,
    );
    const state = refund.status === 'succeeded' || refund.status === 'failed' ? refund.status : 'pending';
    return { refundId: String(refund.id), state, amountCents: Number(refund.amount) };
  }

  async parseWebhook(rawBody: Buffer, headers: WebhookHeaders, now: Date) {
    verifySandboxSignature(this.options.webhookSecret, rawBody, headers, now);
    return eventFromBody(rawBody);
  }

  private async call(method: 'GET' | 'POST', path: string, body?: object, idempotencyKey?: string) {
    let response: { status: number; text: string };
    try {
      response = await this.send(method, path, body ? JSON.stringify(body) : undefined, {
        authorization: `Bearer ${this.options.apiKey}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      });
    } catch (error) {
      const cause = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'did not answer';
      throw new PaymentGatewayError(`sandbox gateway ${cause} (${method} ${route(path)})`, true);
    }
    let answer: Record<string, unknown>;
    try {
      answer = JSON.parse(response.text) as Record<string, unknown>;
    } catch {
      throw new PaymentGatewayError(`sandbox gateway answered ${response.status} without JSON`, response.status >= 500);
    }
    const ok = response.status >= 200 && response.status < 300;
    if (ok) return answer;
    const error = (answer.error ?? {}) as { code?: string; message?: string };
    const retryable = response.status >= 500 || response.status === 429;
    const code: PaymentGatewayErrorCode = retryable ? 'unavailable' : (codes[error.code ?? ''] ?? 'rejected');
    throw new PaymentGatewayError(
      `sandbox gateway refused ${method} ${route(path)}: ${error.message ?? response.status}`,
      retryable,
      code,
    );
  }

  /**
   * One request over node:http(s) with a kept-alive connection: the payment page is opened while
   * the buyer waits, and fetch (undici) cost ~1.3 ms of the shop's CPU per call against ~0.3 ms
   * here (docs/performance.md, the purchase benchmark).
   */
  private send(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
    retry = true,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const request = this.client.request(
        this.url + path,
        {
          method,
          agent: this.agent,
          headers: body
            ? { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
            : headers,
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () =>
            resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          incoming.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the gateway closed just as it was reused: once more on a new
        // one (Node's documented pattern; every POST carries an idempotency key).
        if (request.reusedSocket && error.code === 'ECONNRESET' && retry)
          return resolve(this.send(method, path, body, headers, false));
        // An aborted request reports AbortError with the timeout as its cause.
        reject(error.name === 'AbortError' && error.cause instanceof Error ? error.cause : error);
      });
      request.end(body);
    });
  }
}

/** The sandbox's error codes, as the port names them. */
const codes: Record<string, PaymentGatewayErrorCode> = {
  resource_missing: 'not_found',
  session_already_paid: 'already_paid',
  not_paid: 'not_paid',
  amount_too_large: 'refund_too_large',
  charge_disputed: 'disputed',
};

/** A path for messages and logs, without ids. */
function route(path: string): string {
  return path.replace(/\/(cs|re|dp)_test_[A-Za-z0-9_-]+/g, '/$1_…');
}
