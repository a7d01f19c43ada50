import type { SessionRow } from './session-store.js';

/**
 * Sessions recently read, for a few seconds: a signed-in page view then costs a map lookup
 * instead of a query and a hash (bench/sign-in.mjs measured the query at +39% per page view).
 * Keyed by the cookie's token itself, which this process holds anyway while it answers; the
 * database still keeps only hashes.
 * Ending a session in this process removes it at once; another process (PostgreSQL deployments)
 * notices within the time to live, which docs/accounts.md states.
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: SessionRow; until: number }>();
  /**
   * Counts the ends seen. A session read from the database before an end and cached after it
   * could be the ended one: `set` refuses rows read before the latest end.
   */
  private ends = 0;

  /** Take before reading a session from the database; hand back to `set`. */
  get generation(): number {
    return this.ends;
  }

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 10_000,
  ) {}

  get(token: string, nowMs: number): SessionRow | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > nowMs) return entry.session;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, session: SessionRow, nowMs: number, readAtGeneration: number): void {
    if (this.ttlMs <= 0 || readAtGeneration !== this.ends) return;
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { session, until: nowMs + this.ttlMs });
  }

  /** Drops every cached session that matches (ended sessions must stop working now). */
  forget(matches: (session: SessionRow) => boolean): void {
    this.ends += 1;
    for (const [key, entry] of this.entries) if (matches(entry.session)) this.entries.delete(key);
  }
}
