/**
 * Where request counts live: in this process (one machine) or in Redis (several app processes
 * share one count). Fixed windows: a key's count starts at the first hit and resets when its
 * window ends. Both implementations run the contract suite in rate-limit-store.contract.ts.
 */
export interface RateLimitStore {
  /** What it talks to, for the readiness check: an external store is checked, memory is not. */
  readonly backend: 'memory' | 'redis';
  /** Throws if the backing service does not answer. */
  ping(): Promise<void>;
  /** Counts one hit on `key` and returns the count so far in the current window. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /** Forgets a key (after a successful sign-in, for example). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}
