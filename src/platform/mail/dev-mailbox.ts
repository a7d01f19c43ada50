import type { Config } from '../config.js';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname);
}

/**
 * Whether this shop runs on a developer's computer, where the development mailbox may show mail
 * with working one-time links: NODE_ENV=development, no mail server (SMTP_URL), no reverse proxy
 * (TRUST_PROXY), and a public address on this machine. A shop deployed with NODE_ENV left unset
 * still has its own domain as PUBLIC_URL (its emailed links need it), so it has no such mailbox.
 */
export function devMailboxEnabled(config: Pick<Config, 'env' | 'smtpUrl' | 'trustProxy' | 'publicUrl'>): boolean {
  return (
    config.env === 'development' &&
    !config.smtpUrl &&
    config.trustProxy === false &&
    isLoopbackHost(new URL(config.publicUrl).hostname)
  );
}
