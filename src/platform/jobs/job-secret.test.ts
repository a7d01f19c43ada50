import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { tablesOf } from '../db/database.js';
import { DatabaseJobQueue } from './database-job-queue.js';
import { defineJob } from './job-definition.js';
import { type ClaimedJob, retryDelayMs } from './job-queue.js';
import { JobWorker } from './job-worker.js';
import type { JobsTable } from './jobs-table.js';

const silent = pino({ level: 'silent' }) as FastifyBaseLogger;
const anyJob = (name: string) => defineJob({ name, parse: (payload) => payload });

/** Finding 3 of issue 7: a job's secret reaches its handler and does not outlive the job. */
describeEachEngine(
  'job secret',
  (suite) => {
    let clock = new Date('2026-11-25T10:00:00.000Z');
    const now = () => clock;
    const queue = () => new DatabaseJobQueue(suite.database, now);
    const db = () => tablesOf<JobsTable>(suite.database);
    const secretOf = async (id: string) =>
      (await db().selectFrom('jobs').select('secret').where('id', '=', id).executeTakeFirstOrThrow()).secret;
    const enqueue = (maxAttempts = 5) =>
      queue().enqueue(
        db(),
        anyJob('mail.reset'),
        { to: 'x' },
        { secret: 'v1:encrypted-token', maxAttempts },
      ) as Promise<string>;

    it('hands the secret to the handler, apart from the payload, and wipes it when the job is done', async () => {
      const id = await enqueue();
      const seen: [unknown, string | null][] = [];
      const worker = new JobWorker({
        queue: queue(),
        db: db(),
        schedules: [],
        logger: silent,
        now,
        handlers: { 'mail.reset': async (payload, job) => void seen.push([payload, job.secret]) },
      });
      expect(await worker.tick()).toBe(1);
      expect(seen).toEqual([[{ to: 'x' }, 'v1:encrypted-token']]);
      const row = await db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect([row.status, row.secret]).toEqual(['done', null]);
      expect(row.payload).not.toContain('encrypted-token');
    });

    it('keeps the secret while the job is retried, and wipes it when it fails for good', async () => {
      const id = await enqueue(2);
      const [first] = await queue().claim('w', 1, 60_000);
      expect(first?.secret).toBe('v1:encrypted-token');
      expect(await queue().fail(first!, new Error('smtp down'))).toBe(true);
      expect(await secretOf(id)).toBe('v1:encrypted-token');
      clock = new Date(clock.getTime() + retryDelayMs(1));
      const [second] = await queue().claim('w', 1, 60_000);
      expect(second?.secret).toBe('v1:encrypted-token');
      expect(await queue().fail(second!, new Error('still down'))).toBe(true);
      expect(await secretOf(id)).toBeNull();
    });

    it('wipes the secret of a job whose worker died on its last attempt', async () => {
      const id = await enqueue(1);
      await queue().claim('dies', 1, 30_000);
      clock = new Date(clock.getTime() + 31_000);
      expect(await queue().claim('other', 1, 30_000)).toEqual([]);
      const row = await db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect([row.status, row.secret]).toEqual(['failed', null]);
    });

    it('gives a null secret to a job enqueued without one', async () => {
      await db().deleteFrom('jobs').execute();
      await queue().enqueue(db(), anyJob('plain'), null);
      const [job] = (await queue().claim('w', 1, 60_000)) as [ClaimedJob];
      expect(job.secret).toBeNull();
    });
  },
  { app: false },
);
