import type { FastifyBaseLogger } from 'fastify';
import type { RateLimitStore } from './rate-limit-store.js';

/** How long the shared store is left alone after it failed, before one request tries it again. */
const defaultCooldownMs = 5_000;

/**
 * A shared store (Redis) with a local fallback. When the shared store fails or does not answer
 * in time, counting goes on in this process's memory: pages are served at full speed, and the
 * forms that must count attempts (sign-in, password reset) keep counting, per process, instead
 * of answering 500 or waiting on a dead connection. The shared store is then left alone for a
 * cooldown, after which a single request tries it again (a circuit breaker): an outage costs one
 * command timeout per cooldown, not one per request, and is logged once when it starts and once
 * when it ends. Limits are per process during the outage (N processes allow N times the limit),
 * which docs/deployment.md states.
 * The readiness check pings the shared store itself, so the outage shows there (503).
 */
export class FailoverRateLimitStore implements RateLimitStore {
  readonly name: string;
  readonly external: boolean;
  /** Until when the shared store is skipped; 0 while it is healthy. */
  private downUntil = 0;
  private outage = false;

  constructor(
    private readonly shared: RateLimitStore,
    private readonly local: RateLimitStore,
    private readonly logger: FastifyBaseLogger,
    private readonly cooldownMs = defaultCooldownMs,
    private readonly now: () => number = Date.now,
  ) {
    this.name = shared.name;
    this.external = shared.external;
  }

  hit(key: string, windowMs: number) {
    return this.use(
      () => this.shared.hit(key, windowMs),
      () => this.local.hit(key, windowMs),
    );
  }

  async reset(key: string) {
    // A count may sit in either store (kept during an outage, or before it): forget both.
    await this.local.reset(key);
    await this.use(
      () => this.shared.reset(key),
      async () => undefined,
    );
  }

  ping() {
    return this.shared.ping();
  }

  async close() {
    await Promise.allSettled([this.shared.close(), this.local.close()]);
  }

  /** Whether counting is local right now (for tests and diagnostics). */
  get degraded(): boolean {
    return this.outage;
  }

  private async use<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (this.now() < this.downUntil) return local();
    // After a cooldown, this request alone tries the shared store; the others count locally
    // meanwhile instead of each waiting on a store that may still not answer.
    if (this.outage) this.downUntil = this.now() + this.cooldownMs;
    try {
      const result = await shared();
      if (this.outage) {
        this.outage = false;
        this.logger.info({ store: this.name }, 'rate limit store answers again: shared counting resumed');
      }
      this.downUntil = 0;
      return result;
    } catch (error) {
      this.downUntil = this.now() + this.cooldownMs;
      if (!this.outage) {
        this.outage = true;
        this.logger.error(
          { err: error, store: this.name },
          'rate limit store unavailable: counting in this process until it answers again',
        );
      }
      return local();
    }
  }
}
