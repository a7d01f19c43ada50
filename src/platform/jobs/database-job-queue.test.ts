import { tablesOf } from '../db/database.js';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { DatabaseJobQueue, retryDelayMs } from './database-job-queue.js';
import { JobWorker } from './job-worker.js';
import type { JobsTable } from './jobs-table.js';

const silent = pino({ level: 'silent' }) as FastifyBaseLogger;

describeEachEngine(
  'database job queue',
  (suite) => {
    let clock = new Date('2026-11-25T10:00:00.000Z');
    const now = () => clock;
    const queue = () => new DatabaseJobQueue(suite.database, now);
    const db = () => tablesOf<JobsTable>(suite.database);
    const clear = () => db().deleteFrom('jobs').execute();
    const status = async (id: string) => db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    it('enqueues inside the caller’s transaction: a rolled-back change leaves no job', async () => {
      await clear();
      await db().transaction().execute(async (trx) => {
        await queue().enqueue(trx, { name: 'committed', payload: { n: 1 } });
      });
      await expect(
        db().transaction().execute(async (trx) => {
          await queue().enqueue(trx, { name: 'rolled-back', payload: { n: 2 } });
          throw new Error('business rule failed');
        }),
      ).rejects.toThrow('business rule failed');
      const names = (await db().selectFrom('jobs').select('name').execute()).map((r) => r.name);
      expect(names).toEqual(['committed']);
    });

    it('claims due jobs once, in run order, and leaves future ones', async () => {
      await clear();
      const q = queue();
      await q.enqueue(db(), { name: 'second', payload: 2, runAt: new Date(clock.getTime() - 1000) });
      await q.enqueue(db(), { name: 'first', payload: 1, runAt: new Date(clock.getTime() - 5000) });
      await q.enqueue(db(), { name: 'later', payload: 3, runAt: new Date(clock.getTime() + 60_000) });
      const claimed = await q.claim('worker-a', 10, 60_000);
      expect(claimed.map((j) => [j.name, j.payload, j.attempts])).toEqual([['first', 1, 1], ['second', 2, 1]]);
      expect(await q.claim('worker-b', 10, 60_000)).toEqual([]);
    });

    it('retries a failed job with exponential backoff, then marks it failed after the last attempt', async () => {
      await clear();
      const q = queue();
      const id = (await q.enqueue(db(), { name: 'flaky', payload: null, maxAttempts: 2 })) as string;
      const [first] = await q.claim('w', 1, 60_000);
      await q.fail(first!, new Error('SMTP server said no to jeanne@example.org'));
      const afterFirst = await status(id);
      expect(afterFirst.status).toBe('queued');
      expect(afterFirst.run_at).toBe(new Date(clock.getTime() + retryDelayMs(1)).toISOString());
      expect(afterFirst.last_error).toBe('SMTP server said no to [email]');
      expect(await q.claim('w', 1, 60_000)).toEqual([]);

      clock = new Date(clock.getTime() + retryDelayMs(1));
      const [second] = await q.claim('w', 1, 60_000);
      expect(second?.attempts).toBe(2);
      await q.fail(second!, new Error('still down'));
      expect((await status(id)).status).toBe('failed');
      expect(retryDelayMs(3)).toBe(40_000);
      expect(retryDelayMs(30)).toBe(3_600_000);
    });

    it('hands a job again when the worker that held it died (its lock expired)', async () => {
      await clear();
      const q = queue();
      await q.enqueue(db(), { name: 'orphan', payload: null });
      expect(await q.claim('dead-worker', 1, 30_000)).toHaveLength(1);
      expect(await q.claim('live-worker', 1, 30_000)).toHaveLength(0);
      clock = new Date(clock.getTime() + 31_000);
      const [reclaimed] = await q.claim('live-worker', 1, 30_000);
      expect(reclaimed?.attempts).toBe(2);
    });

    it('ignores the late outcome of a worker that lost its lock to another', async () => {
      await clear();
      const q = queue();
      const id = (await q.enqueue(db(), { name: 'slow', payload: null })) as string;
      const [stale] = await q.claim('slow-worker', 1, 30_000);
      clock = new Date(clock.getTime() + 31_000);
      const [fresh] = await q.claim('fresh-worker', 1, 30_000);
      expect(fresh?.id).toBe(id);
      expect(await q.complete(stale!)).toBe(false);
      expect(await q.fail(stale!, new Error('late'))).toBe(false);
      expect((await status(id)).status).toBe('running');
      expect(await q.complete(fresh!)).toBe(true);
      expect((await status(id)).status).toBe('done');
    });

    it('fails, instead of handing out again, a job whose worker died on its last attempt', async () => {
      await clear();
      const q = queue();
      const id = (await q.enqueue(db(), { name: 'deadly', payload: null, maxAttempts: 2 })) as string;
      await q.claim('w1', 1, 30_000);
      clock = new Date(clock.getTime() + 31_000);
      expect(await q.claim('w2', 1, 30_000)).toHaveLength(1);
      clock = new Date(clock.getTime() + 31_000);
      expect(await q.claim('w3', 1, 30_000)).toEqual([]);
      const row = await status(id);
      expect([row.status, row.last_error]).toEqual(['failed', 'the worker stopped responding']);
    });

    it('fails a handler that runs past half its lock, so no other worker takes it over mid-run', async () => {
      await clear();
      const id = (await queue().enqueue(db(), { name: 'hangs', payload: null })) as string;
      const worker = new JobWorker({
        queue: queue(), db: db(), schedules: [], logger: silent, now, lockMs: 100,
        handlers: { hangs: () => new Promise((resolve) => setTimeout(resolve, 1000)) },
      });
      await worker.tick();
      const row = await status(id);
      expect(row.status).toBe('queued');
      expect(row.last_error).toBe('job hangs took longer than 50 ms');
    });

    it('keeps at most one job per unique key', async () => {
      await clear();
      const q = queue();
      expect(await q.enqueue(db(), { name: 'once', payload: null, uniqueKey: 'k1' })).toBeTypeOf('string');
      expect(await q.enqueue(db(), { name: 'once', payload: null, uniqueKey: 'k1' })).toBeUndefined();
    });

    it('never hands one job to two workers claiming at the same time', async () => {
      await clear();
      const q = queue();
      for (let i = 0; i < 40; i += 1) await q.enqueue(db(), { name: 'bulk', payload: i });
      const batches = await Promise.all(Array.from({ length: 8 }, (_, w) => q.claim(`worker-${w}`, 5, 60_000)));
      const ids = batches.flat().map((job) => job.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(40);
    });

    it('hands each job to exactly one of several processes claiming at once (separate connections)', async () => {
      await clear();
      for (let i = 0; i < 60; i += 1) await queue().enqueue(db(), { name: 'shared', payload: i });
      // Three "processes": each with its own connection (pool) to the same database.
      const processes = await Promise.all([suite.connectAgain(), suite.connectAgain(), suite.connectAgain()]);
      const claimed: string[] = [];
      await Promise.all(
        processes.map(async (database, p) => {
          const q = new DatabaseJobQueue(database, now);
          for (let round = 0; round < 10; round += 1) {
            const batch = await q.claim(`process-${p}`, 3, 60_000);
            claimed.push(...batch.map((job) => job.id));
            for (const job of batch) expect(await q.complete(job)).toBe(true);
          }
        }),
      );
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed).toHaveLength(60);
    });

    it('runs handlers through the worker, and enqueues a schedule once per period across workers', async () => {
      await clear();
      const ran: unknown[] = [];
      const make = () =>
        new JobWorker({
          queue: queue(),
          db: db(),
          handlers: { 'say.hello': async (payload) => void ran.push(payload), 'tidy.up': async () => void ran.push('tidy') },
          schedules: [{ job: 'tidy.up', every: 'PT1H' }],
          logger: silent,
          now,
        });
      await queue().enqueue(db(), { name: 'say.hello', payload: 'bonjour' });
      const [a, b] = [make(), make()];
      await Promise.all([a.tick(), b.tick()]);
      await Promise.all([a.tick(), b.tick()]);
      expect(ran.sort()).toEqual(['bonjour', 'tidy']);
      const statuses = await db().selectFrom('jobs').select(['name', 'status']).orderBy('name').execute();
      expect(statuses).toEqual([{ name: 'say.hello', status: 'done' }, { name: 'tidy.up', status: 'done' }]);
    });
  },
  { app: false },
);
