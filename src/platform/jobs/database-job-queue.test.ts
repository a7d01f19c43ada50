import { tablesOf } from '../db/database.js';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { DatabaseJobQueue } from './database-job-queue.js';
import { defineJob } from './job-definition.js';
import { handle } from './job-handler.js';
import { jobQueueContract } from './job-queue.contract.js';
import { retryDelayMs } from './job-queue.js';
import { JobWorker } from './job-worker.js';
import type { JobsTable } from './jobs-table.js';

const silent = pino({ level: 'silent' }) as FastifyBaseLogger;
const anyJob = (name: string) => defineJob({ name, parse: (payload) => payload });
const fail = (message: string): never => {
  throw new Error(message);
};

describeEachEngine(
  'database job queue',
  (suite) => {
    let clock = new Date('2026-11-25T10:00:00.000Z');
    const now = () => clock;
    const queue = () => new DatabaseJobQueue(suite.database, now);
    const db = () => tablesOf<JobsTable>(suite.database);
    const clear = () => db().deleteFrom('jobs').execute();
    const status = async (id: string) =>
      db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    jobQueueContract(() => ({
      queue: (clockOf) => new DatabaseJobQueue(suite.database, clockOf),
      queueElsewhere: async (clockOf) => new DatabaseJobQueue(await suite.connectAgain(), clockOf),
      db: db(),
      empty: async () => {
        await db().deleteFrom('jobs').execute();
        await db().deleteFrom('jobs_workers').execute();
      },
    }));

    // What the database keeps, beyond the contract: each job's status, its scrubbed last error.

    it('retries a failed job with exponential backoff, then marks it failed after the last attempt', async () => {
      await clear();
      const q = queue();
      const id = (await q.enqueue(db(), anyJob('flaky'), null, { maxAttempts: 2 })) as string;
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

    it('fails, instead of handing out again, a job whose worker died on its last attempt', async () => {
      await clear();
      const q = queue();
      const id = (await q.enqueue(db(), anyJob('deadly'), null, { maxAttempts: 2 })) as string;
      await q.claim('w1', 1, 30_000);
      clock = new Date(clock.getTime() + 31_000);
      expect(await q.claim('w2', 1, 30_000)).toHaveLength(1);
      clock = new Date(clock.getTime() + 31_000);
      expect(await q.claim('w3', 1, 30_000)).toEqual([]);
      const row = await status(id);
      expect([row.status, row.last_error]).toEqual(['failed', 'the worker stopped responding']);
    });

    it('records the job of a payload its definition refuses failed at its first attempt, in the parser’s words', async () => {
      await clear();
      const strict = defineJob({
        name: 'greet',
        parse: (payload) => (typeof payload === 'string' ? payload : fail('expected a name')),
      });
      const id = (await queue().enqueue(db(), anyJob('greet'), { nom: 'Grace' }, { maxAttempts: 5 })) as string;
      const ran: string[] = [];
      const worker = new JobWorker({
        queue: queue(),
        db: db(),
        schedules: [],
        logger: silent,
        now,
        handlers: [handle(strict, async (name) => void ran.push(name))],
      });
      expect(await worker.tick()).toBe(1);
      const row = await status(id);
      expect([row.status, row.attempts, row.last_error, ran]).toEqual([
        'failed',
        1,
        'job greet has a malformed payload: expected a name',
        [],
      ]);
    });

    it('fails a handler that runs past half its lock, so no other worker takes it over mid-run', async () => {
      await clear();
      const id = (await queue().enqueue(db(), anyJob('hangs'), null)) as string;
      const worker = new JobWorker({
        queue: queue(),
        db: db(),
        schedules: [],
        logger: silent,
        now,
        lockMs: 100,
        handlers: { hangs: () => new Promise((resolve) => setTimeout(resolve, 1000)) },
      });
      await worker.tick();
      const row = await status(id);
      expect(row.status).toBe('queued');
      expect(row.last_error).toBe('job hangs took longer than 50 ms');
    });

    it('runs handlers through the worker, and enqueues a schedule once per period across workers', async () => {
      await clear();
      const ran: unknown[] = [];
      const make = () =>
        new JobWorker({
          queue: queue(),
          db: db(),
          handlers: {
            'say.hello': async (payload) => void ran.push(payload),
            'tidy.up': async () => void ran.push('tidy'),
          },
          schedules: [{ job: 'tidy.up', every: 'PT1H' }],
          logger: silent,
          now,
        });
      await queue().enqueue(db(), anyJob('say.hello'), 'bonjour');
      const [a, b] = [make(), make()];
      await Promise.all([a.tick(), b.tick()]);
      await Promise.all([a.tick(), b.tick()]);
      expect(ran.sort()).toEqual(['bonjour', 'tidy']);
      const statuses = await db().selectFrom('jobs').select(['name', 'status']).orderBy('name').execute();
      expect(statuses).toEqual([
        { name: 'say.hello', status: 'done' },
        { name: 'tidy.up', status: 'done' },
      ]);
    });
  },
  { app: false },
);
