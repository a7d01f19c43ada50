import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { FailoverRateLimitStore } from './failover-store.js';
import { MemoryRateLimitStore } from './memory-store.js';
import { rateLimitStoreContract } from './rate-limit-store.contract.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { RedisRateLimitStore } from './redis-store.js';

const silent = pino({ level: 'silent' }) as FastifyBaseLogger;

describe('MemoryRateLimitStore', () => {
  const store = new MemoryRateLimitStore();
  afterAll(() => store.close());
  rateLimitStoreContract(() => store);
});

// Runs against the real Redis server when VITRINE_TEST_REDIS_URL is set (.ci/run sets it);
// the global setup prints a loud notice when it is not.
const redisUrl = process.env.VITRINE_TEST_REDIS_URL;
if (redisUrl) {
  describe('RedisRateLimitStore', () => {
    const store = new RedisRateLimitStore(redisUrl, `vitrine:test:${process.pid}:`);
    afterAll(() => store.close());
    rateLimitStoreContract(() => store);
  });

  describe('FailoverRateLimitStore over a healthy Redis', () => {
    const store = new FailoverRateLimitStore(
      new RedisRateLimitStore(redisUrl, `vitrine:test:failover:${process.pid}:`),
      new MemoryRateLimitStore(),
      silent,
    );
    afterAll(() => store.close());
    rateLimitStoreContract(() => store);
    it('counts in Redis, not locally', async () => {
      await store.hit('shared-check', 60_000);
      expect(store.degraded).toBe(false);
    });
  });
}

describe('FailoverRateLimitStore with Redis down', () => {
  // Nothing listens on port 9 (discard) here: every connection is refused.
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) }) as FastifyBaseLogger;
  const store = new FailoverRateLimitStore(
    new RedisRateLimitStore('redis://127.0.0.1:9', 'vitrine:test:'),
    new MemoryRateLimitStore(),
    logger,
  );
  afterAll(() => store.close());
  rateLimitStoreContract(() => store);

  it('counts locally, answers fast, logs the outage once, and still fails the readiness ping', async () => {
    const started = performance.now();
    for (let i = 0; i < 50; i++) await store.hit('down-check', 60_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await store.hit('down-check', 60_000)).count).toBe(51);
    expect(store.degraded).toBe(true);
    expect(lines.filter((line) => line.includes('rate limit store unavailable'))).toHaveLength(1);
    await expect(store.ping()).rejects.toThrow();
  });
});

describe('FailoverRateLimitStore after its cooldown', () => {
  it('lets one request try the shared store again while the others count locally', async () => {
    const redis = new RedisRateLimitStore('redis://127.0.0.1:9', 'vitrine:test:');
    // Counts the calls that reach the (real, unreachable) Redis store.
    let tries = 0;
    const shared: RateLimitStore = {
      name: 'redis',
      external: true,
      hit: (key, windowMs) => {
        tries += 1;
        return redis.hit(key, windowMs);
      },
      reset: (key) => redis.reset(key),
      ping: () => redis.ping(),
      close: () => redis.close(),
    };
    const store = new FailoverRateLimitStore(shared, new MemoryRateLimitStore(), silent, 50);
    await store.hit('probe', 60_000);
    expect(tries).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const counts = await Promise.all(Array.from({ length: 20 }, () => store.hit('probe', 60_000)));
    expect(tries).toBe(2);
    expect(counts.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    await store.close();
  });
});
