import { Redis } from 'ioredis';
import type { RateLimitStore } from './rate-limit-store.js';

// Increment and set the expiry in one atomic step, so two app processes can never both see
// "first hit" or leave a key without expiry.
const hitScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

export class RedisRateLimitStore implements RateLimitStore {
  readonly backend = 'redis' as const;
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = 'vitrine:rate:') {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.redis.defineCommand('vitrineHit', { numberOfKeys: 1, lua: hitScript });
    // ioredis reconnects by itself; without a listener a connection error would crash the
    // process. Failed commands reject, and the rate-limit hook logs them.
    this.redis.on('error', () => {});
  }

  async hit(key: string, windowMs: number) {
    const [count, ttl] = (await (this.redis as Redis & { vitrineHit(k: string, ms: number): Promise<[number, number]> }).vitrineHit(
      this.prefix + key,
      windowMs,
    )) as [number, number];
    return { count, resetAt: Date.now() + ttl };
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }

  async ping() {
    await this.redis.ping();
  }

  async close() {
    await this.redis.quit();
  }
}
