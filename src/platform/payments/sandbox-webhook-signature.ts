import { createHmac, timingSafeEqual } from 'node:crypto';
import { PaymentWebhookError, type WebhookHeaders } from './payment-gateway.js';

/** The sandbox gateway's signature header (Node lower-cases header names). */
export const sandboxSignatureHeader = 'vitrine-gateway-signature';

/** How old (or how far ahead of our clock) a signed timestamp may be: Stripe's default, 5 minutes. */
export const webhookToleranceSeconds = 300;

/**
 * Checks `Vitrine-Gateway-Signature: t=<unix seconds>,v1=<hex>` over the raw body: the HMAC-SHA256
 * of "<t>.<raw body>" under the webhook secret must match one v1 (several during a key
 * rotation), and t must be within the tolerance of `now`, so a captured delivery cannot be
 * replayed later. The signature is checked first: an unsigned request learns nothing about time.
 */
export function verifySandboxSignature(secret: string, rawBody: Buffer, headers: WebhookHeaders, now: Date): void {
  const header = headers[sandboxSignatureHeader];
  if (typeof header !== 'string') throw new PaymentWebhookError('signature');
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't') timestamp = value;
    if (key === 'v1' && value) signatures.push(value);
  }
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0)
    throw new PaymentWebhookError('signature');
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  const matches = signatures.some((signature) => {
    const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new PaymentWebhookError('signature');
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp)) > webhookToleranceSeconds) {
    throw new PaymentWebhookError('timestamp');
  }
}
