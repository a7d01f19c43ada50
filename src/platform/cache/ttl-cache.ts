/**
 * A bounded in-process cache whose entries expire after a fixed time. For data read on every
 * page and changed rarely (the catalog): the process that changes it calls `clear()` at once;
 * other processes (PostgreSQL deployments) see the change when their entries expire.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return entry.value;
    const value = await load();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    return value;
  }

  clear() {
    this.entries.clear();
  }
}
