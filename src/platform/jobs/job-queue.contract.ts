import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { expect, it } from 'vitest';
import { JobPayloadError, defineJob } from './job-definition.js';
import { handle } from './job-handler.js';
import { type JobQueue, type WorkerIdentity, retryDelayMs, workerHeartbeatMs, workerStaleMs } from './job-queue.js';
import { JobWorker } from './job-worker.js';

export interface JobQueueUnderTest<Tables> {
  /** The queue under test, reading the time from `now`. */
  queue: (now: () => Date) => JobQueue;
  /** The same queue as another process sees it: over a connection of its own. */
  queueElsewhere: (now: () => Date) => Promise<JobQueue>;
  /** The database the business changes happen in, whose transactions `enqueue` joins. */
  db: Kysely<Tables>;
  /** Forgets every job and every worker, so that a test starts from an empty queue. */
  empty: () => Promise<void>;
}

const silent = pino({ level: 'silent' }) as FastifyBaseLogger;
const minute = 60_000;
const lockMs = 5 * minute;
/** A job that takes any payload, for the tests about the queue rather than payloads. */
const anyJob = (name: string) => defineJob({ name, parse: (payload) => payload });
/** A job that checks its payload: a greeting for a name. */
const greet = defineJob({
  name: 'greet',
  parse: (payload) => {
    const { name } = (payload ?? {}) as { name?: unknown };
    if (typeof name !== 'string' || name === '') throw new Error('expected a name');
    return { name };
  },
});

/**
 * What every JobQueue promises (job-queue.ts), seen only through the interface: each
 * implementation's test calls this with a way to build it over a fresh, empty queue. What an
 * implementation keeps at rest (its rows, their status, the scrubbed last error) is for its own
 * test to check.
 */
export function jobQueueContract<Tables>(setup: () => JobQueueUnderTest<Tables>) {
  /** A fresh, empty queue and a clock that moves only when told. */
  const fresh = async () => {
    const under = setup();
    await under.empty();
    let clock = new Date('2026-11-25T10:00:00.000Z');
    const now = () => clock;
    const later = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    return { ...under, now, later, q: under.queue(now) };
  };
  const namesOf = (jobs: { name: string }[]) => jobs.map((job) => job.name);

  it('enqueues inside the caller’s transaction: a rolled-back change leaves no job', async () => {
    const { q, db } = await fresh();
    await db.transaction().execute(async (trx) => {
      await q.enqueue(trx, anyJob('committed'), { n: 1 });
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await q.enqueue(trx, anyJob('rolled-back'), { n: 2 });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(namesOf(await q.claim('w', 10, lockMs))).toEqual(['committed']);
  });

  it('hands out due jobs oldest first, with their payload, and a future one only once it is due', async () => {
    const { q, db, now, later } = await fresh();
    await q.enqueue(db, anyJob('second'), { n: 2 }, { runAt: new Date(now().getTime() - 1000) });
    await q.enqueue(db, anyJob('first'), [1], { runAt: new Date(now().getTime() - 5000) });
    await q.enqueue(db, anyJob('later'), 'three', { runAt: new Date(now().getTime() + minute) });
    const claimed = await q.claim('worker-a', 10, lockMs);
    expect(claimed.map((job) => [job.name, job.payload, job.attempts, job.lockedBy])).toEqual([
      ['first', [1], 1, 'worker-a'],
      ['second', { n: 2 }, 1, 'worker-a'],
    ]);
    expect(await q.claim('worker-b', 10, lockMs)).toEqual([]);
    later(minute);
    expect(namesOf(await q.claim('worker-b', 10, lockMs))).toEqual(['later']);
  });

  it('hands out at most `limit` jobs per claim', async () => {
    const { q, db } = await fresh();
    for (let i = 0; i < 5; i += 1) await q.enqueue(db, anyJob(`job-${i}`), i);
    expect(await q.claim('w', 2, lockMs)).toHaveLength(2);
    expect(await q.claim('w', 10, lockMs)).toHaveLength(3);
  });

  it('keeps at most one job per unique key, ever: not even once the first is done', async () => {
    const { q, db } = await fresh();
    expect(await q.enqueue(db, anyJob('once'), null, { uniqueKey: 'k1' })).toBeTypeOf('string');
    expect(await q.enqueue(db, anyJob('once'), null, { uniqueKey: 'k1' })).toBeUndefined();
    expect(await q.enqueue(db, anyJob('once'), null, { uniqueKey: 'k2' })).toBeTypeOf('string');
    const claimed = await q.claim('w', 10, lockMs);
    expect(claimed).toHaveLength(2);
    for (const job of claimed) expect(await q.complete(job)).toBe(true);
    expect(await q.enqueue(db, anyJob('once'), null, { uniqueKey: 'k1' })).toBeUndefined();
  });

  it('never hands out again a job recorded done', async () => {
    const { q, db, later } = await fresh();
    await q.enqueue(db, anyJob('done'), null);
    const [job] = await q.claim('w', 1, lockMs);
    expect(await q.complete(job!)).toBe(true);
    later(2 * lockMs);
    expect(await q.claim('w', 1, lockMs)).toEqual([]);
  });

  it('retries a failed job after the backoff delay, then gives up after its last attempt', async () => {
    const { q, db, later } = await fresh();
    await q.enqueue(db, anyJob('flaky'), { to: 'x' }, { maxAttempts: 2 });
    const [first] = await q.claim('w', 1, lockMs);
    expect([first?.attempts, first?.maxAttempts]).toEqual([1, 2]);
    expect(await q.fail(first!, new Error('SMTP server said no'))).toBe(true);
    later(retryDelayMs(1) - 1);
    expect(await q.claim('w', 1, lockMs)).toEqual([]);
    later(1);
    const [second] = await q.claim('w', 1, lockMs);
    expect([second?.id, second?.attempts, second?.payload]).toEqual([first?.id, 2, { to: 'x' }]);
    expect(await q.fail(second!, 'still down')).toBe(true);
    later(24 * 60 * minute);
    expect(await q.claim('w', 1, lockMs)).toEqual([]);
  });

  it('fails a job for good at once, attempts left or not, when told not to retry', async () => {
    const { q, db, later } = await fresh();
    await q.enqueue(db, anyJob('doomed'), null, { maxAttempts: 5 });
    const [first] = await q.claim('w', 1, lockMs);
    expect(await q.fail(first!, new Error('cannot be mended'), { retry: false })).toBe(true);
    later(24 * 60 * minute);
    expect(await q.claim('w', 1, lockMs)).toEqual([]);
  });

  it('refuses at enqueue a payload its definition could not read back, and keeps nothing of it', async () => {
    const { q, db } = await fresh();
    // JSON stores NaN as null: the worker would find no name, at every attempt.
    await expect(q.enqueue(db, greet, { name: Number.NaN as unknown as string })).rejects.toThrow(JobPayloadError);
    await expect(q.enqueue(db, greet, { name: '' })).rejects.toThrow(
      'job greet has a malformed payload: expected a name',
    );
    expect(await q.claim('w', 10, lockMs)).toEqual([]);
  });

  it('backs off exponentially from 10 s, capped at one hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });

  it('keeps the secret apart from the payload and hands it back at every attempt; null when there is none', async () => {
    const { q, db, later } = await fresh();
    await q.enqueue(db, anyJob('with-secret'), { to: 'x' }, { secret: 'v1:sealed', maxAttempts: 2 });
    const [first] = await q.claim('w', 1, lockMs);
    expect([first?.payload, first?.secret]).toEqual([{ to: 'x' }, 'v1:sealed']);
    await q.fail(first!, new Error('down'));
    later(retryDelayMs(1));
    expect((await q.claim('w', 1, lockMs))[0]?.secret).toBe('v1:sealed');
    await q.enqueue(db, anyJob('plain'), null);
    expect((await q.claim('w', 1, lockMs))[0]?.secret).toBeNull();
  });

  it('hands a job out again once its holder’s lock expires, and not before', async () => {
    const { q, db, later } = await fresh();
    await q.enqueue(db, anyJob('orphan'), null);
    expect(await q.claim('dead-worker', 1, 30_000)).toHaveLength(1);
    later(30_000);
    expect(await q.claim('live-worker', 1, 30_000)).toEqual([]);
    later(1_000);
    const [reclaimed] = await q.claim('live-worker', 1, 30_000);
    expect([reclaimed?.attempts, reclaimed?.lockedBy]).toEqual([2, 'live-worker']);
  });

  it('refuses the late outcome of a worker that lost its lock, and leaves the job to the new holder', async () => {
    const { q, db, later } = await fresh();
    const id = await q.enqueue(db, anyJob('slow'), null);
    const [stale] = await q.claim('slow-worker', 1, 30_000);
    later(31_000);
    const [fresher] = await q.claim('fresh-worker', 1, 30_000);
    expect(fresher?.id).toBe(id);
    expect(await q.complete(stale!)).toBe(false);
    expect(await q.fail(stale!, new Error('late'))).toBe(false);
    // Had the stale outcome been recorded, the new holder's would be refused in turn.
    expect(await q.complete(fresher!)).toBe(true);
    later(2 * lockMs);
    expect(await q.claim('w', 1, lockMs)).toEqual([]);
  });

  it('gives up, instead of handing out again, a job whose holder died on its last attempt', async () => {
    const { q, db, later } = await fresh();
    await q.enqueue(db, anyJob('deadly'), null, { maxAttempts: 2 });
    expect(await q.claim('w1', 1, 30_000)).toHaveLength(1);
    later(31_000);
    expect(await q.claim('w2', 1, 30_000)).toHaveLength(1);
    later(31_000);
    expect(await q.claim('w3', 1, 30_000)).toEqual([]);
    later(24 * 60 * minute);
    expect(await q.claim('w3', 1, 30_000)).toEqual([]);
  });

  it('never hands one job to two workers claiming at the same time', async () => {
    const { q, db } = await fresh();
    for (let i = 0; i < 40; i += 1) await q.enqueue(db, anyJob('bulk'), i);
    const batches = await Promise.all(Array.from({ length: 8 }, (_, w) => q.claim(`worker-${w}`, 5, lockMs)));
    const ids = batches.flat().map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
  });

  it('hands each job to exactly one of several processes claiming at once (connections of their own)', async () => {
    const { q, db, now, queueElsewhere } = await fresh();
    for (let i = 0; i < 60; i += 1) await q.enqueue(db, anyJob('shared'), i);
    const processes = await Promise.all([queueElsewhere(now), queueElsewhere(now), queueElsewhere(now)]);
    const claimed: string[] = [];
    await Promise.all(
      processes.map(async (other, p) => {
        for (let round = 0; round < 10; round += 1) {
          const batch = await other.claim(`process-${p}`, 3, lockMs);
          claimed.push(...batch.map((job) => job.id));
          for (const job of batch) expect(await other.complete(job)).toBe(true);
        }
      }),
    );
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed).toHaveLength(60);
  });

  it('takes over the jobs of a worker that announced itself then fell silent, long before their lock expires', async () => {
    const { q, db, later } = await fresh();
    const crashed: WorkerIdentity = { id: 'crashed', host: 'web-2', pid: 4242 };
    const id = await q.enqueue(db, anyJob('mail'), null);
    await q.beat(crashed);
    expect(await q.claim(crashed.id, 1, lockMs)).toHaveLength(1);
    later(workerStaleMs - 1_000);
    expect(await q.claim('survivor', 1, lockMs)).toEqual([]);
    later(2_000);
    const [taken] = await q.claim('survivor', 1, lockMs);
    expect([taken?.id, taken?.attempts]).toEqual([id, 2]);
  });

  it('never takes over the jobs of a worker that keeps beating, nor those of one that never announced itself', async () => {
    const { q, db, later } = await fresh();
    const busy: WorkerIdentity = { id: 'busy', host: 'web-2', pid: 4242 };
    await q.enqueue(db, anyJob('a'), null);
    await q.beat(busy);
    expect(await q.claim(busy.id, 1, lockMs)).toHaveLength(1);
    await q.enqueue(db, anyJob('b'), null);
    // Driven by claims alone, with no heartbeat: only the lock frees its job.
    expect(await q.claim('claims-only', 1, lockMs)).toHaveLength(1);
    for (let elapsed = workerHeartbeatMs; elapsed < lockMs; elapsed += workerHeartbeatMs) {
      later(workerHeartbeatMs);
      await q.beat(busy);
      expect(await q.claim('survivor', 2, lockMs)).toEqual([]);
    }
  });

  it('lists the workers of a host, and forgets one that leaves along with long-dead ones holding no job', async () => {
    const { q, db, later } = await fresh();
    const ids = async (host: string) => (await q.workersOn(host)).map((w) => w.id).sort();
    await q.beat({ id: 'dead-with-job', host: 'web-1', pid: 1 });
    await q.enqueue(db, anyJob('held'), null);
    expect(await q.claim('dead-with-job', 1, lockMs)).toHaveLength(1);
    await q.beat({ id: 'dead-long-ago', host: 'web-1', pid: 2 });
    later(2 * 24 * 60 * minute);
    await q.beat({ id: 'a', host: 'web-1', pid: 3 });
    await q.beat({ id: 'b', host: 'web-1', pid: 4 });
    await q.beat({ id: 'c', host: 'web-2', pid: 3 });
    expect(await q.workersOn('web-1')).toContainEqual({ id: 'a', host: 'web-1', pid: 3 });
    expect(await ids('web-1')).toEqual(['a', 'b', 'dead-long-ago', 'dead-with-job']);
    await q.leave('a');
    expect(await ids('web-1')).toEqual(['b', 'dead-with-job']);
    expect(await ids('web-2')).toEqual(['c']);
  });

  it('hands out at once the running jobs of workers declared dead, and says how many they held', async () => {
    const { q, db } = await fresh();
    const gone: WorkerIdentity = { id: 'gone', host: 'web-1', pid: 7 };
    await q.beat(gone);
    await q.beat({ id: 'alive', host: 'web-1', pid: 8 });
    for (const name of ['one', 'two', 'three']) await q.enqueue(db, anyJob(name), null);
    expect(await q.claim(gone.id, 2, lockMs)).toHaveLength(2);
    expect(await q.claim('alive', 1, lockMs)).toHaveLength(1);
    expect(await q.declareDead([])).toBe(0);
    expect(await q.declareDead([gone.id])).toBe(2);
    const taken = await q.claim('survivor', 10, lockMs);
    expect(namesOf(taken).sort()).toEqual(['one', 'two']);
  });

  it('runs each handler on its payload as the definition parsed it; a payload it refuses fails the job at once', async () => {
    const { q, db, queue, now, later } = await fresh();
    const greeted: string[] = [];
    const worker = new JobWorker({
      queue: queue(now),
      db,
      handlers: [handle(greet, async ({ name }) => void greeted.push(`Bonjour ${name}`))],
      schedules: [],
      logger: silent,
      now,
    });
    await q.enqueue(db, greet, { name: 'Ada' }, { maxAttempts: 5 });
    // As an older version of the job would have left it: a field since renamed.
    await q.enqueue(db, anyJob(greet.name), { nom: 'Grace' }, { maxAttempts: 5 });
    expect(await worker.tick()).toBe(2);
    expect(greeted).toEqual(['Bonjour Ada']);
    later(24 * 60 * minute);
    expect(await q.claim('w', 10, lockMs)).toEqual([]);
  });

  it('runs a schedule once per period, however many workers enqueue it at once', async () => {
    const { db, queue, now, later } = await fresh();
    const ran: unknown[] = [];
    const worker = () =>
      new JobWorker({
        queue: queue(now),
        db,
        handlers: { 'tidy.up': async (payload) => void ran.push(payload) },
        schedules: [{ job: 'tidy.up', every: 'PT1H' }],
        logger: silent,
        now,
      });
    const [a, b] = [worker(), worker()];
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick(), worker().tick()]);
    expect(ran).toEqual([null]);
    later(60 * minute);
    await Promise.all([a.tick(), b.tick()]);
    expect(ran).toEqual([null, null]);
  });
}
