import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** The CSP nonce of this response: the only inline or external scripts that run carry it. */
    cspNonce: string;
  }
}

/**
 * Security headers on every response. Written out here rather than through a general-purpose
 * plugin because the policy is short, strict and ours: nothing but our own nonce-tagged scripts
 * and our own stylesheet run, the site cannot be framed, and forms only post back to us.
 */
export function securityHeaders(app: FastifyInstance, options: { https: boolean }) {
  app.decorateReply('cspNonce', '');
  app.addHook('onRequest', async (_request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    reply.cspNonce = nonce;
    reply.headers({
      'content-security-policy': [
        "default-src 'self'",
        `script-src 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        ...(options.https ? ['upgrade-insecure-requests'] : []),
      ].join('; '),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(self), interest-cohort=()',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    });
  });
}
