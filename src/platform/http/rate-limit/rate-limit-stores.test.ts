import { afterAll, describe } from 'vitest';
import { MemoryRateLimitStore } from './memory-store.js';
import { rateLimitStoreContract } from './rate-limit-store.contract.js';
import { RedisRateLimitStore } from './redis-store.js';

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
}
