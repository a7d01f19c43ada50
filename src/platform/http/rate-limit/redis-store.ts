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

/**
 * How long a command may take. Redis answers in well under a millisecond on a healthy network; a
 * frozen server (accepting connections, answering nothing) must cost a request no more than this.
 */
export const redisCommandTimeoutMs = 250;

export class RedisRateLimitStore implements RateLimitStore {
  readonly name = 'redis';
  readonly external = true;
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'vitrine:rate:',
    commandTimeoutMs = redisCommandTimeoutMs,
  ) {
    // Every command, queued while (re)connecting or sent to a server that does not answer, fails
    // after commandTimeout; FailoverRateLimitStore then counts locally.
    this.redis = new Redis(url, {
      lazyConnect: false,
      commandTimeout: commandTimeoutMs,
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
    });
    this.redis.defineCommand('vitrineHit', { numberOfKeys: 1, lua: hitScript });
    // ioredis reconnects by itself; without a listener a connection error would crash the
    // process. Failed commands reject, and FailoverRateLimitStore logs the outage once.
    this.redis.on('error', () => {});
  }

  async hit(key: string, windowMs: number) {
    const [count, ttl] = (await (
      this.redis as Redis & { vitrineHit(k: string, ms: number): Promise<[number, number]> }
    ).vitrineHit(this.prefix + key, windowMs)) as [number, number];
    return { count, resetAt: Date.now() + ttl };
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key);
  }

  async ping() {
    await this.redis.ping();
  }

  async close() {
    // QUIT waits for an answer a frozen server never gives: disconnect after a short wait.
    await Promise.race([
      this.redis.quit().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 500).unref()),
    ]);
    this.redis.disconnect();
  }
}
