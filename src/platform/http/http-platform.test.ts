import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { modules } from '../../module-list.js';
import { type Suite, describeEachEngine } from '../../../test/harness.js';

describeEachEngine('HTTP platform', (suite) => {
  it('sends a strict CSP with a fresh nonce on every response, and the other security headers', async () => {
    const first = await suite.app.inject({ url: '/en' });
    const second = await suite.app.inject({ url: '/en' });
    const csp = String(first.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9_-]{22}' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(second.headers['content-security-policy']).not.toBe(csp);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['x-frame-options']).toBe('DENY');
    expect(first.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('sets no cookie at all on pages without forms', async () => {
    for (const url of ['/fr', '/en/catalog', '/en/privacy', '/fr/cookies', '/en/missing']) {
      const response = await suite.app.inject({ url });
      expect(response.headers['set-cookie'], url).toBeUndefined();
    }
    // A product page has the add-to-cart form: its CSRF cookie (essential, registered) and no other.
    const product = await suite.app.inject({ url: '/fr/catalogue/sql-from-zero' });
    const cookies = [product.headers['set-cookie'] ?? []].flat().map((cookie) => cookie.split('=')[0]);
    expect(cookies).toEqual(['XSRF-TOKEN']);
  });

  it('reports liveness and readiness', async () => {
    const live = await suite.app.inject({ url: '/health/live' });
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await suite.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('logs requests by route pattern, without the query string, IP, headers or cookies', async () => {
    const secretEmail = 'jeanne.durand+canary@example.org';
    await suite.app.inject({
      url: `/en/catalog/react-in-depth?email=${encodeURIComponent(secretEmail)}`,
      headers: {
        cookie: `XSRF-TOKEN=${secretEmail}`,
        'x-forwarded-for': '203.0.113.77',
        'user-agent': 'CanaryAgent/1.0',
      },
      remoteAddress: '198.51.100.23',
    });
    await suite.app.inject({ url: `/nowhere/${encodeURIComponent(secretEmail)}` });
    const all = suite.logs.join('\n');
    expect(all).toContain('"route":"/en/catalog/:slug"');
    expect(all).toContain('"route":"(no route)"');
    for (const secret of ['canary@example.org', 'jeanne.durand', '198.51.100.23', '203.0.113.77', 'CanaryAgent']) {
      expect(all).not.toContain(secret);
    }
  });
});

const rateLimitSuite = (suite: Suite) => {
  it('answers 429 with Retry-After once a client exceeds its budget, in the visitor’s language', async () => {
    const from = { remoteAddress: '192.0.2.10' };
    for (let i = 0; i < 3; i += 1) expect((await suite.app.inject({ url: '/en', ...from })).statusCode).toBe(200);
    const limited = await suite.app.inject({ url: '/fr/catalogue', ...from });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('Trop de requêtes');
    // Another client is not affected, and health checks are never limited.
    expect((await suite.app.inject({ url: '/en', remoteAddress: '192.0.2.11' })).statusCode).toBe(200);
    expect((await suite.app.inject({ url: '/health/live', ...from })).statusCode).toBe(200);
  });
};

describeEachEngine('rate limits (in-process counts)', rateLimitSuite, { env: { RATE_LIMIT_REQUESTS_PER_MINUTE: '3' } });

// The same behaviour with the counts in Redis, as REDIS_URL configures it (the global setup says
// loudly when VITRINE_TEST_REDIS_URL is unset and this suite does not run).
const redisUrl = process.env.VITRINE_TEST_REDIS_URL;
if (redisUrl) {
  describeEachEngine(
    'rate limits (Redis counts)',
    (suite) => {
      rateLimitSuite(suite);
      it('reports Redis in the readiness check', async () => {
        expect((await suite.app.inject({ url: '/health/ready' })).json()).toEqual({
          status: 'ready',
          checks: { database: 'ok', redis: 'ok' },
        });
      });
    },
    { env: { RATE_LIMIT_REQUESTS_PER_MINUTE: '3', REDIS_URL: redisUrl } },
  );
}

describeEachEngine(
  'internal errors',
  (suite) => {
    it('answers an unexpected failure with a friendly 500 page, no stack, and a scrubbed log line', async () => {
      const page = await suite.app.inject({ url: '/en/test-failure', headers: { 'accept-language': 'en' } });
      expect(page.statusCode).toBe(500);
      expect(page.body).toContain('Something went wrong on our side');
      expect(page.body).toContain('VT_INTERNAL');
      expect(page.body).not.toContain('database exploded');
      expect(page.body).not.toMatch(/\.ts:\d+/);
      const reference = /Reference to give us: <code>([A-Za-z0-9_-]{12})<\/code>/.exec(page.body)?.[1];
      expect(reference).toBeDefined();
      const json = await suite.app.inject({ url: '/en/test-failure', headers: { accept: 'application/json' } });
      expect(json.json()).toEqual({
        error: {
          code: 'VT_INTERNAL',
          message: expect.stringContaining('Something went wrong'),
          reference: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/),
        },
      });
      expect(json.json().error.reference).not.toBe(reference);
      const logged = suite.logs.filter((line) => line.includes('request failed'));
      expect(logged.length).toBe(2);
      expect(logged[0]).toContain('database exploded for [email] from [ip]');
      expect(logged[0]).toContain(`"reqId":"${reference}"`);
      expect(logged.join('')).not.toContain('marie@example.org');
      expect(logged.join('')).not.toContain('192.0.2.99');
    });
  },
  {
    overrides: {
      // The real module list plus one route that fails the way a broken query would.
      get modules() {
        return [
          ...modules,
          {
            name: 'failing-route',
            routes: (app: FastifyInstance) => {
              app.get('/en/test-failure', async () => {
                throw new Error('database exploded for marie@example.org from 192.0.2.99');
              });
            },
          },
        ];
      },
    },
  },
);

describeEachEngine(
  'rate limits when Redis is down',
  (suite) => {
    it('serves the visitor, logs the outage, and reports not ready', async () => {
      const page = await suite.app.inject({ url: '/en' });
      expect(page.statusCode).toBe(200);
      expect(suite.logs.join('\n')).toContain(
        'rate limit store unavailable: counting in this process until it answers again',
      );
      const ready = await suite.app.inject({ url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'not ready', checks: { database: 'ok', redis: 'failed' } });
    });
  },
  // Port 9 (discard) has no Redis: a real client failing to reach a real address.
  { env: { REDIS_URL: 'redis://127.0.0.1:9' } },
);
