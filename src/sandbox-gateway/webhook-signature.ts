import { createHmac } from 'node:crypto';

/** The header every webhook carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const signatureHeader = 'Vitrine-Gateway-Signature';

/**
 * Signs one delivery: HMAC-SHA256 of "<timestamp>.<raw body>" under the endpoint's secret, the
 * scheme Stripe uses. The timestamp is signed with the body, so an old delivery replayed later is
 * refused by its age, and every retry is signed afresh with its own time.
 */
export function signWebhook(secret: string, rawBody: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}
