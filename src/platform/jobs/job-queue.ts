import type { Kysely, Transaction } from 'kysely';

export interface JobToEnqueue {
  name: string;
  payload: unknown;
  /** When it may run first (default: now). */
  runAt?: Date;
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

export type JobHandler = (payload: unknown, job: ClaimedJob) => Promise<void>;

/** Work that recurs: the scheduler enqueues it once per period, whichever process gets there first. */
export interface Schedule {
  job: string;
  /** ISO 8601 duration of a period, such as PT1H or P1D. */
  every: string;
}

/**
 * The durable job queue. `enqueue` takes the caller's transaction, so a job exists if and only if
 * the business change that asked for it committed (no mail for a rolled-back order).
 */
export interface JobQueue {
  /** `executor` is the caller's transaction (or database handle), whatever tables it is typed with. */
  enqueue<Tables>(executor: Kysely<Tables> | Transaction<Tables>, job: JobToEnqueue): Promise<string | undefined>;
  /** Takes up to `limit` due jobs for this worker; a job is never handed to two workers at once. */
  claim(workerId: string, limit: number, lockMs: number): Promise<ClaimedJob[]>;
  /**
   * Records success. Returns false if this worker no longer holds the job (its lock expired and
   * another worker took it over): the outcome then belongs to the other worker.
   */
  complete(job: ClaimedJob): Promise<boolean>;
  /** Records a failure: retried later with backoff, or marked failed after the last attempt. */
  fail(job: ClaimedJob, error: unknown): Promise<boolean>;
}
