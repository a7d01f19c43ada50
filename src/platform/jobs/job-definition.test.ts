import { describe, expect, it } from 'vitest';
import { JobPayloadError, UnrecoverableJobError, defineJob, noPayload, storedPayload } from './job-definition.js';
import { handle, handlersByName } from './job-handler.js';
import type { ClaimedJob } from './job-queue.js';

const refund = defineJob({
  name: 'shop.refund',
  parse: (payload) => {
    const { orderId, cents } = (payload ?? {}) as { orderId?: unknown; cents?: unknown };
    if (typeof orderId !== 'string' || !Number.isInteger(cents)) throw new Error('expected orderId and whole cents');
    return { orderId, cents: cents as number };
  },
});
const claimed = (payload: unknown): ClaimedJob => ({
  id: 'j1',
  lockedBy: 'w',
  name: refund.name,
  payload,
  attempts: 1,
  maxAttempts: 5,
  secret: null,
});

describe('defineJob', () => {
  it('hands back a well-formed payload, typed', () => {
    const { orderId, cents } = refund.parse({ orderId: 'o-1', cents: 1250 });
    expect([orderId.toUpperCase(), cents + 1]).toEqual(['O-1', 1251]);
  });

  it('refuses a malformed payload with an unrecoverable error that names the job and what is wrong', () => {
    for (const payload of [null, 'o-1', { orderId: 'o-1', cents: 12.5 }, { order: 'o-1', cents: 1 }]) {
      const error = (() => {
        try {
          refund.parse(payload);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(JobPayloadError);
      expect(error).toBeInstanceOf(UnrecoverableJobError);
      expect(error).toMatchObject({
        code: 'VT_JOB_PAYLOAD_INVALID',
        message: 'job shop.refund has a malformed payload: expected orderId and whole cents',
      });
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
  });

  it('takes no payload for a job that carries none', () => {
    const tidy = defineJob({ name: 'tidy', parse: noPayload });
    expect(tidy.parse(null)).toBeNull();
    expect(() => tidy.parse({})).toThrow('job tidy has a malformed payload: expected no payload');
  });

  it('stores a payload as JSON only if the definition can read it back', () => {
    expect(JSON.parse(storedPayload(refund, { orderId: 'o-1', cents: 100 }))).toEqual({ orderId: 'o-1', cents: 100 });
    // Infinity becomes null in JSON: refused now rather than at every attempt.
    expect(() => storedPayload(refund, { orderId: 'o-1', cents: Number.POSITIVE_INFINITY })).toThrow(JobPayloadError);
  });
});

describe('handle', () => {
  it('runs the handler on the parsed payload, and never on a malformed one', async () => {
    const seen: number[] = [];
    const registration = handle(refund, async ({ cents }) => void seen.push(cents));
    expect(registration.name).toBe('shop.refund');
    await registration.run({ orderId: 'o-1', cents: 500 }, claimed({}));
    await expect(registration.run({ orderId: 'o-1' }, claimed({}))).rejects.toThrow(JobPayloadError);
    expect(seen).toEqual([500]);
  });

  it('gathers handlers by name from registrations or from the keyed form, refusing a job handled twice', () => {
    const run = async () => {};
    expect([
      ...handlersByName([handle(refund, run), handle(defineJob({ name: 'tidy', parse: noPayload }), run)]).keys(),
    ]).toEqual(['shop.refund', 'tidy']);
    expect([...handlersByName({ 'mail.send': run }).keys()]).toEqual(['mail.send']);
    expect(() => handlersByName([handle(refund, run), handle(refund, run)])).toThrow(
      'Job shop.refund has two handlers',
    );
  });
});
