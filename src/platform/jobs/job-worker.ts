import type { FastifyBaseLogger } from 'fastify';
import { hostname } from 'node:os';
import { randomId } from '../crypto/tokens.js';
import { durationSeconds } from '../../privacy/duration.js';
import type { Kysely } from 'kysely';
import type { ClaimedJob, JobHandler, JobQueue, Schedule } from './job-queue.js';
import type { JobsTable } from './jobs-table.js';

export interface WorkerOptions {
  queue: JobQueue;
  db: Kysely<JobsTable>;
  handlers: Record<string, JobHandler>;
  schedules: Schedule[];
  logger: FastifyBaseLogger;
  pollMs?: number;
  concurrency?: number;
  lockMs?: number;
  now?: () => Date;
}

/**
 * Runs due jobs in this process: polls, claims a batch, runs each handler, records the outcome.
 * Also enqueues scheduled jobs: one per schedule and period, keyed so that many processes
 * enqueue it once. `tick()` does one round and is what tests call.
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${randomId(4)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The last period each schedule was enqueued for, so a round does not ask again. */
  private readonly enqueuedSlots = new Map<string, number>();

  constructor(private readonly options: WorkerOptions) {
    for (const schedule of options.schedules) {
      if (!options.handlers[schedule.job]) throw new Error(`Schedule names job ${schedule.job}, which has no handler`);
    }
  }

  start() {
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().then(
        () => undefined,
        (error: unknown) => this.options.logger.error({ err: error }, 'job worker round failed'),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 1000);
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One round: enqueue due schedules, then run what is due. Returns how many jobs ran. */
  async tick(): Promise<number> {
    await this.enqueueSchedules();
    const jobs = await this.options.queue.claim(this.id, this.options.concurrency ?? 4, this.lockMs);
    await Promise.all(jobs.map((job) => this.run(job)));
    return jobs.length;
  }

  private async run(job: ClaimedJob) {
    const handler = this.options.handlers[job.name];
    const log = this.options.logger.child({ jobId: job.id, jobName: job.name, attempt: job.attempts });
    // A handler must finish well within its lock, or another worker would take the job over
    // while it still runs (and, for mail, send it twice).
    const timeoutMs = this.lockMs / 2;
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      await Promise.race([
        handler(job.payload, job),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`job ${job.name} took longer than ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (!(await this.options.queue.complete(job))) log.warn('job finished after its lock was lost; outcome left to the new holder');
      else log.debug('job done');
    } catch (error) {
      const recorded = await this.options.queue.fail(job, error);
      log.warn({ err: error }, !recorded ? 'job failed after its lock was lost' : job.attempts >= job.maxAttempts ? 'job failed for good' : 'job failed, will retry');
    } finally {
      clearTimeout(timer);
    }
  }

  private get lockMs() {
    return this.options.lockMs ?? 5 * 60_000;
  }

  private async enqueueSchedules() {
    const now = (this.options.now ?? (() => new Date()))().getTime();
    for (const schedule of this.options.schedules) {
      const periodMs = durationSeconds(schedule.every) * 1000;
      const slot = Math.floor(now / periodMs) * periodMs;
      if (this.enqueuedSlots.get(schedule.job) === slot) continue;
      await this.options.queue.enqueue(this.options.db, {
        name: schedule.job,
        payload: null,
        runAt: new Date(slot),
        uniqueKey: `schedule:${schedule.job}:${new Date(slot).toISOString()}`,
        maxAttempts: 3,
      });
      this.enqueuedSlots.set(schedule.job, slot);
    }
  }
}
