import type { Executor } from '../db/database.js';
import type { JobDefinition } from './job-definition.js';

/** How a job is enqueued, beyond what it is (its definition) and what it carries (its payload). */
export interface EnqueueOptions {
  /** When it may run first (default: now). */
  runAt?: Date;
  /** How many times it is tried before it fails for good (default 5). */
  maxAttempts?: number;
  /** At most one job ever exists with a given key (used by schedules, and for idempotent work). */
  uniqueKey?: string;
  /**
   * Secret material the handler needs (a one-time link's token, for instance), already encrypted
   * by the caller with FieldEncryption. Kept apart from the payload, in `jobs.secret`, and wiped
   * in the same statement that records the job done or failed for good: it lives only while the
   * job is pending, never the 7 days a finished job is kept.
   */
  secret?: string;
}

export interface ClaimedJob {
  id: string;
  /** The worker holding the job's lock: only it may record the outcome. */
  lockedBy: string;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  /** What the job was enqueued with as `secret` (still encrypted), or null. */
  secret: string | null;
}

/** A worker as the queue knows it, to tell the jobs of a dead worker from those of a busy one. */
export interface WorkerIdentity {
  id: string;
  /** The machine and PID namespace it runs in: a pid means something only there (worker-host.ts). */
  host: string;
  pid: number;
}

/** How often a running worker says it is alive (a write every 10 s per process, not every poll). */
export const workerHeartbeatMs = 10_000;
/**
 * A worker silent for this long (three missed heartbeats) is dead: its running jobs are taken
 * over at the next claim instead of when their lock expires. Hosts' clocks must agree within
 * about 20 s (NTP), since heartbeats are stamped by each worker's own clock.
 */
export const workerStaleMs = 30_000;

/**
 * How long a failed job waits before its next attempt: 10 s, 20 s, 40 s… capped at one hour.
 * Part of the contract, since callers size `maxAttempts` from it (mail: 12 attempts, ~3.5 hours).
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** A handler keyed by its job's name, which checks the payload itself (job-handler.ts has the typed form). */
export type JobHandler = (payload: unknown, job: ClaimedJob) => Promise<void>;

/** Work that recurs: the scheduler enqueues it once per period, whichever process gets there first. */
export interface Schedule {
  /** A job without payload (`defineJob({ name, parse: noPayload })`), or its name alone. */
  job: JobDefinition<null> | string;
  /** ISO 8601 duration of a period, such as PT1H or P1D. */
  every: string;
}

/**
 * The durable job queue. `enqueue` takes the caller's transaction, so a job exists if and only if
 * the business change that asked for it committed (no mail for a rolled-back order).
 */
export interface JobQueue {
  /**
   * Enqueues a job of this definition. `executor` is the caller's transaction (or database
   * handle), whatever tables it is typed with. The payload is stored as JSON: one the definition
   * would refuse once read back (NaN, a Date) throws its JobPayloadError here, not in the worker.
   * Returns the job's id, or undefined when a job with the same `uniqueKey` already exists.
   */
  enqueue<Payload, Tables>(
    executor: Executor<Tables>,
    job: JobDefinition<Payload>,
    payload: NoInfer<Payload>,
    options?: EnqueueOptions,
  ): Promise<string | undefined>;
  /** Takes up to `limit` due jobs for this worker; a job is never handed to two workers at once. */
  claim(workerId: string, limit: number, lockMs: number): Promise<ClaimedJob[]>;
  /**
   * Records success. Returns false if this worker no longer holds the job (its lock expired and
   * another worker took it over): the outcome then belongs to the other worker.
   */
  complete(job: ClaimedJob): Promise<boolean>;
  /**
   * Records a failure: retried later with backoff (`retryDelayMs`), or failed for good after the
   * last attempt, or at once with `retry: false` (an UnrecoverableJobError). Returns false, as
   * `complete` does, if this worker no longer holds the job.
   */
  fail(job: ClaimedJob, error: unknown, options?: { retry?: boolean }): Promise<boolean>;
  /**
   * Records that this worker is alive (the first beat registers it). The running jobs of a worker
   * that beat once and then fell silent for `workerStaleMs` are due again at once; those of a
   * worker that never beat (one driven by `tick()` alone) wait for their lock to expire.
   */
  beat(worker: WorkerIdentity): Promise<void>;
  /** Forgets a worker that stopped cleanly (it holds no job), and workers long dead that hold none. */
  leave(workerId: string): Promise<void>;
  /** The workers registered from one host, so a starting worker can check which still run. */
  workersOn(host: string): Promise<WorkerIdentity[]>;
  /** Marks workers dead: the next claim takes over their running jobs. Returns how many they held. */
  declareDead(workerIds: string[]): Promise<number>;
}
