import type { Config } from '../config.js';
import type { Secrets } from '../crypto/secrets.js';
import type { PaymentGateway } from './payment-gateway.js';
import { SandboxGateway } from './sandbox-gateway.js';
import { sandboxGatewayKeys } from './sandbox-gateway-keys.js';
import { StripeGateway } from './stripe-gateway.js';

/**
 * The configured gateway (PAYMENT_GATEWAY). Built synchronously and cheaply: the Stripe SDK is
 * loaded on the first call that needs it, so a shop on the sandbox never loads it.
 */
export function createPaymentGateway(config: Pick<Config, 'payments'>, secrets: Secrets): PaymentGateway {
  const { payments } = config;
  if (payments.gateway === 'stripe') return new StripeGateway(payments.stripe);
  return new SandboxGateway({ url: payments.sandbox.url, ...sandboxGatewayKeys(payments.sandbox, secrets) });
}
