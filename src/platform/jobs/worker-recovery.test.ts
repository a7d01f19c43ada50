import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { type DatabaseTarget, tablesOf } from '../db/database.js';
import { pgUrlVariable } from '../db/test-engines.js';
import { DatabaseJobQueue } from './database-job-queue.js';
import { defineJob } from './job-definition.js';
import { type WorkerIdentity, workerHeartbeatMs } from './job-queue.js';
import { JobWorker } from './job-worker.js';
import type { JobsTable } from './jobs-table.js';
import { workerHost } from './worker-host.js';

const silent = pino({ level: 'silent' }) as FastifyBaseLogger;
const anyJob = (name: string) => defineJob({ name, parse: (payload) => payload });
const lockMs = 5 * 60_000;

/** A pid that belonged to a process of this host and is now free: a child that has exited. */
function deadPid() {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

/**
 * Finding 8 of issue 7: jobs in flight when their worker crashed ran again only when their
 * 5-minute lock expired. A worker known dead (silent heartbeat, or a process gone from this host)
 * now loses its jobs at once, while a live worker's job is never taken over.
 */
describeEachEngine(
  'job worker crash recovery',
  (suite) => {
    let clock = new Date('2026-11-25T10:00:00.000Z');
    const now = () => clock;
    const later = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    const queue = () => new DatabaseJobQueue(suite.database, now);
    const db = () => tablesOf<JobsTable>(suite.database);
    const fresh = async () => {
      await db().deleteFrom('jobs').execute();
      await db().deleteFrom('jobs_workers').execute();
    };
    const row = (id: string) => db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    /** A worker of another process that announced itself and took `id`, as a crashed one leaves it. */
    const heldBy = async (worker: WorkerIdentity, maxAttempts = 5) => {
      const id = (await queue().enqueue(db(), anyJob('mail.send'), null, { secret: 'sealed', maxAttempts })) as string;
      await queue().beat(worker);
      const [job] = await queue().claim(worker.id, 1, lockMs);
      expect(job?.id).toBe(id);
      return job!;
    };
    const worker = (ran: string[] = []) =>
      new JobWorker({
        queue: queue(),
        db: db(),
        schedules: [],
        logger: silent,
        now,
        lockMs,
        handlers: { 'mail.send': async (_payload, job) => void ran.push(job.id) },
      });

    it('takes over the job of a worker silent for 30 s, long before its 5-minute lock expires', async () => {
      await fresh();
      const stale = await heldBy({ id: 'crashed', host: 'web-2', pid: 4242 });
      later(20_000);
      expect(await queue().claim('survivor', 1, lockMs)).toEqual([]);
      later(11_000);
      const [taken] = await queue().claim('survivor', 1, lockMs);
      expect([taken?.id, taken?.attempts, taken?.secret]).toEqual([stale.id, 2, 'sealed']);
      // Should the silent worker wake up, its outcome is no longer its to record.
      expect(await queue().complete(stale)).toBe(false);
      expect(await queue().complete(taken!)).toBe(true);
    });

    it('never takes over the job of a worker that keeps beating, nor of one that never announced itself', async () => {
      await fresh();
      await heldBy({ id: 'busy', host: 'web-2', pid: 4242 });
      const quiet = (await queue().enqueue(db(), anyJob('mail.send'), null)) as string;
      // Driven by tick() alone (tests, jobs:run-once): no heartbeat, so only its lock frees the job.
      const [untracked] = await queue().claim('tick-only', 2, lockMs);
      expect(untracked?.id).toBe(quiet);
      for (let elapsed = 0; elapsed < lockMs - workerHeartbeatMs; elapsed += workerHeartbeatMs) {
        later(workerHeartbeatMs);
        await queue().beat({ id: 'busy', host: 'web-2', pid: 4242 });
        expect(await queue().claim('survivor', 2, lockMs)).toEqual([]);
      }
    });

    it('fails, rather than hands out again, the job of a dead worker on its last attempt, and wipes its secret', async () => {
      await fresh();
      const job = await heldBy({ id: 'crashed', host: 'web-2', pid: 4242 }, 1);
      later(31_000);
      expect(await queue().claim('survivor', 1, lockMs)).toEqual([]);
      const after = await row(job.id);
      expect([after.status, after.last_error, after.secret]).toEqual(['failed', 'the worker stopped responding', null]);
    });

    it('hands the job of a dead worker to exactly one of several workers claiming at once', async () => {
      await fresh();
      const stale = await heldBy({ id: 'crashed', host: 'web-2', pid: 4242 });
      later(31_000);
      const processes = await Promise.all([suite.connectAgain(), suite.connectAgain(), suite.connectAgain()]);
      const claims = await Promise.all(
        processes.map((database, p) => new DatabaseJobQueue(database, now).claim(`process-${p}`, 1, lockMs)),
      );
      expect(claims.flat().map((job) => job.id)).toEqual([stale.id]);
    });

    it('a restarted process takes back at once the jobs of its earlier life (same host, same pid)', async () => {
      await fresh();
      const earlier = await heldBy({ id: 'earlier-life', host: workerHost, pid: process.pid });
      const ran: string[] = [];
      const restarted = worker(ran);
      await restarted.join();
      expect(await restarted.tick()).toBe(1);
      expect(ran).toEqual([earlier.id]);
      expect((await row(earlier.id)).status).toBe('done');
      await restarted.stop();
    });

    it('takes back at once the jobs of a worker of this host whose process is gone, and only those', async () => {
      await fresh();
      const gone = await heldBy({ id: 'gone', host: workerHost, pid: deadPid() });
      // Alive: the process that started this test run. Elsewhere: a pid of another host means nothing here.
      await heldBy({ id: 'alive', host: workerHost, pid: process.ppid });
      await heldBy({ id: 'elsewhere', host: 'web-2', pid: deadPid() });
      const ran: string[] = [];
      const starting = worker(ran);
      await starting.join();
      expect(await starting.tick()).toBe(1);
      expect(ran).toEqual([gone.id]);
      await starting.stop();
    });

    it('two workers of one process do not take each other for an earlier life', async () => {
      await fresh();
      const first = worker();
      await first.join();
      const id = (await queue().enqueue(db(), anyJob('mail.send'), null)) as string;
      expect((await queue().claim(first.id, 1, lockMs))[0]?.id).toBe(id);
      const second = worker();
      await second.join();
      expect(await second.tick()).toBe(0);
      await Promise.all([first.stop(), second.stop()]);
    });

    it('signs off on a clean stop, and clears long-dead workers that hold no job', async () => {
      await fresh();
      await heldBy({ id: 'dead-with-job', host: 'web-2', pid: 1 });
      await queue().beat({ id: 'dead-long-ago', host: 'web-2', pid: 2 });
      later(2 * 86_400_000);
      const leaving = worker();
      await leaving.join();
      expect(await db().selectFrom('jobs_workers').select('id').where('id', '=', leaving.id).execute()).toHaveLength(1);
      await leaving.stop();
      const left = await db().selectFrom('jobs_workers').select('id').orderBy('id').execute();
      expect(left.map((w) => w.id)).toEqual(['dead-with-job']);
    });

    it('after a real kill -9 mid-job, a new worker on this host runs the job at once', async () => {
      await fresh();
      const realQueue = new DatabaseJobQueue(suite.database);
      const id = (await realQueue.enqueue(db(), anyJob('hangs.forever'), null)) as string;
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('./doomed-worker.fixture.ts', import.meta.url))],
        {
          env: { ...process.env, VITRINE_FIXTURE_DATABASE: JSON.stringify(await targetOf()) },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let output = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          if (output.includes(`running ${id}`)) resolve();
        });
        child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before running the job`)));
      });
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;

      const killedAt = Date.now();
      const ran: string[] = [];
      const restarted = new JobWorker({
        queue: realQueue,
        db: db(),
        schedules: [],
        logger: silent,
        handlers: { 'hangs.forever': async (_payload, job) => void ran.push(job.id) },
      });
      await restarted.join();
      expect(await restarted.tick()).toBe(1);
      await restarted.stop();
      expect(ran).toEqual([id]);
      expect((await row(id)).status).toBe('done');
      expect(Date.now() - killedAt).toBeLessThan(2_000);
    });

    /** How a second process opens this suite's database. */
    async function targetOf(): Promise<DatabaseTarget> {
      if (suite.engine === 'postgres')
        return { engine: 'postgres', url: process.env[pgUrlVariable]!, schema: suite.database.schema!, poolSize: 2 };
      const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
        suite.database.db,
      );
      return { engine: 'sqlite', file: rows[0]!.file };
    }
  },
  { app: false },
);
