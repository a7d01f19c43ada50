/**
 * Where request counts live: in this process (one machine) or in Redis (several app processes
 * share one count). Fixed windows: a key's count starts at the first hit and resets when its
 * window ends. Both implementations run the contract suite in rate-limit-store.contract.ts.
 */
export interface RateLimitStore {
  /** Names the store in logs and in the readiness check (`redis`): for people, never a branch. */
  readonly name: string;
  /**
   * Whether the counts live in a service outside this process, which can be down: the readiness
   * check then pings it. An in-process store cannot be down, and is not checked.
   */
  readonly external: boolean;
  /** Throws if the backing service does not answer. */
  ping(): Promise<void>;
  /** Counts one hit on `key` and returns the count so far in the current window. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /** Forgets a key (after a successful sign-in, for example). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}
