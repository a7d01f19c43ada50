import type { FastifyBaseLogger } from 'fastify';
import { hostname } from 'node:os';
import { randomId } from '../crypto/tokens.js';
import { durationSeconds } from '../../privacy/core/duration.js';
import type { Kysely } from 'kysely';
import { type JobDefinition, UnrecoverableJobError, defineJob, noPayload } from './job-definition.js';
import { type JobHandlerRegistration, handlersByName } from './job-handler.js';
import {
  type ClaimedJob,
  type JobHandler,
  type JobQueue,
  type Schedule,
  type WorkerIdentity,
  workerHeartbeatMs,
} from './job-queue.js';
import type { JobsTable } from './jobs-table.js';
import { processExists, workerHost } from './worker-host.js';

export interface WorkerOptions<Tables = JobsTable> {
  queue: JobQueue;
  /** Where scheduled jobs are enqueued: the queue's database, whatever tables it is typed with. */
  db: Kysely<Tables>;
  /** `handle(definition, handler)` registrations; or, the older form, handlers keyed by job name. */
  handlers: readonly JobHandlerRegistration[] | Record<string, JobHandler>;
  schedules: Schedule[];
  logger: FastifyBaseLogger;
  pollMs?: number;
  concurrency?: number;
  lockMs?: number;
  now?: () => Date;
}

/** The workers of this process that joined and have not stopped: alive whatever their pid says. */
const joinedHere = new Set<string>();

/**
 * Runs due jobs in this process: polls, claims a batch, runs each handler, records the outcome.
 * Also enqueues scheduled jobs: one per schedule and period, keyed so that many processes
 * enqueue it once. `tick()` does one round and is what tests call.
 * A started worker also beats (every 10 s) so that, if it dies, its jobs are taken over within
 * about 30 s rather than 5 minutes, and on joining takes over at once the jobs of this host's
 * workers whose process is gone (a process restarted after a crash reclaims its own jobs).
 */
export class JobWorker<Tables = JobsTable> {
  readonly id = `${hostname()}:${process.pid}:${randomId(4)}`;
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private beating: Promise<void> | undefined;
  private joined: Promise<void> | undefined;
  private stopped = false;
  /** The last period each schedule was enqueued for, so a round does not ask again. */
  private readonly enqueuedSlots = new Map<string, number>();
  private readonly handlers: Map<string, JobHandler>;
  private readonly schedules: { job: JobDefinition<null>; every: string }[];

  constructor(private readonly options: WorkerOptions<Tables>) {
    this.handlers = handlersByName(options.handlers);
    // A schedule named by its job's name alone enqueues it with no payload.
    this.schedules = options.schedules.map(({ job, every }) => ({
      job: typeof job === 'string' ? defineJob({ name: job, parse: noPayload }) : job,
      every,
    }));
    for (const { job } of this.schedules) {
      if (!this.handlers.has(job.name)) throw new Error(`Schedule names job ${job.name}, which has no handler`);
    }
  }

  start() {
    const joined = this.join().catch((error: unknown) =>
      this.options.logger.error({ err: error }, 'job worker could not announce itself'),
    );
    const loop = async () => {
      if (this.stopped) return;
      this.running = joined
        .then(() => this.tick())
        .then(
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
    if (!this.joined) return;
    await this.joined.catch(() => undefined);
    clearInterval(this.heartbeat);
    joinedHere.delete(this.id);
    // After the last beat has landed, or it would announce the worker again.
    await this.beating;
    await this.options.queue
      .leave(this.id)
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'job worker could not sign off'));
  }

  /**
   * Announces this worker and keeps it announced (a beat every 10 s, which never holds the
   * process open), then hands back at once the jobs of this host's workers whose process is gone.
   * `start()` calls it; a caller driving `tick()` itself may too, and then calls `stop()`.
   */
  join(): Promise<void> {
    this.joined ??= (async () => {
      const identity: WorkerIdentity = { id: this.id, host: workerHost, pid: process.pid };
      joinedHere.add(this.id);
      // Set before the first beat: should that one fail, the next registers the worker.
      this.heartbeat = setInterval(() => {
        if (this.stopped || this.beating) return;
        this.beating = this.options.queue
          .beat(identity)
          .catch((error: unknown) => this.options.logger.warn({ err: error }, 'job worker heartbeat failed'))
          .finally(() => {
            this.beating = undefined;
          });
      }, workerHeartbeatMs);
      this.heartbeat.unref();
      await this.options.queue.beat(identity);
      const gone = (await this.options.queue.workersOn(workerHost)).filter(
        (worker) => worker.id !== this.id && !stillRuns(worker),
      );
      const released = await this.options.queue.declareDead(gone.map((worker) => worker.id));
      if (released > 0)
        this.options.logger.info(
          { workers: gone.map((worker) => worker.id), jobs: released },
          'taking over the jobs of workers whose process is gone',
        );
    })();
    return this.joined;
  }

  /** One round: enqueue due schedules, then run what is due. Returns how many jobs ran. */
  async tick(): Promise<number> {
    await this.enqueueSchedules();
    const jobs = await this.options.queue.claim(this.id, this.options.concurrency ?? 4, this.lockMs);
    await Promise.all(jobs.map((job) => this.run(job)));
    return jobs.length;
  }

  private async run(job: ClaimedJob) {
    const handler = this.handlers.get(job.name);
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
      if (!(await this.options.queue.complete(job)))
        log.warn('job finished after its lock was lost; outcome left to the new holder');
      else log.debug('job done');
    } catch (error) {
      // A malformed payload, or another failure no retry mends, fails the job at once.
      const retry = !(error instanceof UnrecoverableJobError);
      const recorded = await this.options.queue.fail(job, error, { retry });
      const final = !retry || job.attempts >= job.maxAttempts;
      log.warn(
        { err: error },
        !recorded ? 'job failed after its lock was lost' : final ? 'job failed for good' : 'job failed, will retry',
      );
    } finally {
      clearTimeout(timer);
    }
  }

  private get lockMs() {
    return this.options.lockMs ?? 5 * 60_000;
  }

  private async enqueueSchedules() {
    const now = (this.options.now ?? (() => new Date()))().getTime();
    for (const { job, every } of this.schedules) {
      const periodMs = durationSeconds(every) * 1000;
      const slot = Math.floor(now / periodMs) * periodMs;
      if (this.enqueuedSlots.get(job.name) === slot) continue;
      await this.options.queue.enqueue(this.options.db, job, null, {
        runAt: new Date(slot),
        uniqueKey: `schedule:${job.name}:${new Date(slot).toISOString()}`,
        maxAttempts: 3,
      });
      this.enqueuedSlots.set(job.name, slot);
    }
  }
}

/**
 * Whether a worker registered from this host may still run. Our own pid with an id we do not
 * know is an earlier life of this process (a restarted container often gets the same pid).
 */
function stillRuns(worker: WorkerIdentity) {
  if (worker.pid === process.pid) return joinedHere.has(worker.id);
  return processExists(worker.pid);
}
