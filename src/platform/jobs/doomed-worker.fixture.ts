/**
 * A worker process for worker-recovery.test.ts: it starts like the shop's worker, takes the job
 * it is given and hangs in it, announcing `running <job id>` so the test can kill it with SIGKILL
 * mid-job. Its database comes as JSON in VITRINE_FIXTURE_DATABASE (a DatabaseTarget).
 */
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { type DatabaseTarget, openDatabase, tablesOf } from '../db/database.js';
import { DatabaseJobQueue } from './database-job-queue.js';
import { JobWorker } from './job-worker.js';
import type { JobsTable } from './jobs-table.js';

const database = await openDatabase(JSON.parse(process.env.VITRINE_FIXTURE_DATABASE ?? '') as DatabaseTarget);
// Nothing else keeps the process alive while the handler hangs.
setInterval(() => {}, 60_000);
new JobWorker({
  queue: new DatabaseJobQueue(database),
  db: tablesOf<JobsTable>(database),
  handlers: {
    'hangs.forever': async (_payload, job) => {
      process.stdout.write(`running ${job.id}\n`);
      await new Promise(() => {});
    },
  },
  schedules: [],
  logger: pino({ level: 'silent' }) as FastifyBaseLogger,
  pollMs: 20,
}).start();
