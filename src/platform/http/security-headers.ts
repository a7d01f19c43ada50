import { randomId } from '../crypto/tokens.js';
import type { FastifyInstance, FastifyReply } from 'fastify';

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
export function securityHeadersOnEveryReply(app: FastifyInstance, apply: (reply: FastifyReply) => void) {
  app.decorateReply('cspNonce', '');
  app.addHook('onRequest', async (_request, reply) => apply(reply));
}

/**
 * Returns the function that sets the headers and the reply's nonce: run on every request, and by
 * hand on the replies Fastify answers before any hook runs (malformed URLs).
 */
export function securityHeaders(options: { https: boolean }) {
  // Everything but the nonce is the same on every response: built once.
  const policyBefore = "default-src 'self'; script-src 'nonce-";
  const policyAfter = [
    "' 'strict-dynamic'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  const fixed = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(self), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };

  return (reply: FastifyReply) => {
    const nonce = randomId();
    reply.cspNonce = nonce;
    reply.headers(fixed);
    reply.header('content-security-policy', policyBefore + nonce + policyAfter);
  };
}

/**
 * Lets this page's forms lead to `origin` as well as to us: a form the shop answers with a redirect
 * to a payment gateway's page is checked against form-action all along the redirect.
 */
export function allowFormsTo(reply: FastifyReply, origin: string) {
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy !== 'string' || !/^https?:\/\/[^\s;,']+$/.test(origin)) return;
  reply.header('content-security-policy', policy.replace("form-action 'self'", `form-action 'self' ${origin}`));
}
