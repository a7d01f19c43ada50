import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { RateLimitStore } from './rate-limit-store.js';

/** What every RateLimitStore must do; each implementation's test runs it. */
export function rateLimitStoreContract(store: () => RateLimitStore) {
  const key = () => `contract:${randomUUID()}`;

  it('counts hits on a key within its window', async () => {
    const k = key();
    expect((await store().hit(k, 60_000)).count).toBe(1);
    expect((await store().hit(k, 60_000)).count).toBe(2);
    const third = await store().hit(k, 60_000);
    expect(third.count).toBe(3);
    expect(third.resetAt).toBeGreaterThan(Date.now());
    expect(third.resetAt).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it('keeps keys apart', async () => {
    const [a, b] = [key(), key()];
    await store().hit(a, 60_000);
    await store().hit(a, 60_000);
    expect((await store().hit(b, 60_000)).count).toBe(1);
  });

  it('starts a new window once the old one ends', async () => {
    const k = key();
    await store().hit(k, 50);
    await store().hit(k, 50);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await store().hit(k, 50)).count).toBe(1);
  });

  it('forgets a key on reset', async () => {
    const k = key();
    await store().hit(k, 60_000);
    await store().reset(k);
    expect((await store().hit(k, 60_000)).count).toBe(1);
  });

  it('names itself, for logs and the readiness check', () => {
    expect(store().name).toMatch(/^[a-z][\w-]*$/);
    expect(store().external).toBeTypeOf('boolean');
  });

  it('counts concurrent hits exactly', async () => {
    const k = key();
    await Promise.all(Array.from({ length: 50 }, () => store().hit(k, 60_000)));
    expect((await store().hit(k, 60_000)).count).toBe(51);
  });
}
