import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Secrets } from '../../crypto/secrets.js';
import { clientNetwork } from '../client-network.js';
import { AppError } from '../errors.js';
import type { RateLimitStore } from './rate-limit-store.js';

export interface RateLimitRule {
  name: string;
  limit: number;
  windowMs: number;
  applies: (request: FastifyRequest) => boolean;
}

/**
 * Per-client limits on every request. A client is an IPv4 address or an IPv6 /64
 * (client-network.ts). The client's IP is never stored as such: keys are an HMAC of it, so
 * neither process memory nor Redis holds a list of visitors' addresses.
 * Static assets and health checks are not counted.
 */
export function rateLimits(
  app: FastifyInstance,
  options: { store: RateLimitStore; secrets: Secrets; rules: RateLimitRule[] },
) {
  // The HMAC of an address is memoized: a busy client is looked up, not hashed, on each request.
  const keys = new Map<string, string>();
  const clientKey = (request: FastifyRequest) => {
    let key = keys.get(request.ip);
    if (key === undefined) {
      if (keys.size >= 10_000) keys.clear();
      key = options.secrets.sign('rate-limit', clientNetwork(request.ip)).slice(0, 22);
      keys.set(request.ip, key);
    }
    return key;
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/assets/') || request.url.startsWith('/health/')) return;
    let client: string | undefined;
    for (const rule of options.rules) {
      if (!rule.applies(request)) continue;
      client ??= clientKey(request);
      let hit: { count: number; resetAt: number };
      try {
        hit = await options.store.hit(`${rule.name}:${client}`, rule.windowMs);
      } catch (error) {
        // A shared store falls back to counting locally (failover-store.ts), so this is a store
        // without a fallback failing: serve the visitor rather than fail the request.
        request.log.warn({ err: error, rule: rule.name }, 'rate limit store failed: request not counted');
        return;
      }
      const { count, resetAt } = hit;
      if (count > rule.limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
        reply.header('retry-after', String(retryAfterSeconds));
        throw new AppError('VT_RATE_LIMITED', { retryAfterSeconds });
      }
    }
  });
}

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The default rules: a generous limit on all requests, a tighter one on state changes. */
export function defaultRateLimitRules(limits: { requestsPerMinute: number; writesPerMinute: number }): RateLimitRule[] {
  return [
    { name: 'requests', limit: limits.requestsPerMinute, windowMs: 60_000, applies: () => true },
    { name: 'writes', limit: limits.writesPerMinute, windowMs: 60_000, applies: (r) => writes.has(r.method) },
  ];
}
