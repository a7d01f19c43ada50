import type { Config } from '../config.js';
import type { Secrets } from '../crypto/secrets.js';

export interface SandboxGatewayKeys {
  apiKey: string;
  webhookSecret: string;
}

/**
 * The keys the shop and its sandbox gateway share: given in the configuration, or derived from
 * the shop's master secret (HKDF, one purpose each), so they are the same after a restart and the
 * shop still talks to a gateway left running.
 */
export function sandboxGatewayKeys(
  sandbox: Extract<Config['payments'], { gateway: 'sandbox' }>['sandbox'],
  secrets: Secrets,
): SandboxGatewayKeys {
  if (sandbox.apiKey && sandbox.webhookSecret) return { apiKey: sandbox.apiKey, webhookSecret: sandbox.webhookSecret };
  return {
    apiKey: `sk_sandbox_${secrets.key('sandbox-gateway-api-key').toString('base64url')}`,
    webhookSecret: `whsec_sandbox_${secrets.key('sandbox-gateway-webhook-secret').toString('base64url')}`,
  };
}
