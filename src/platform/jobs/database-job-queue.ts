import { tablesOf } from '../db/database.js';
import { type ExpressionBuilder, type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { randomId } from '../crypto/tokens.js';
import { scrub } from '../log/logger.js';
import type { ClaimedJob, JobQueue, JobToEnqueue } from './job-queue.js';
import type { JobsTable } from './jobs-table.js';

/**
 * The job queue kept in the application's own database, so a job is enqueued in the same
 * transaction as the change that needs it, on SQLite and PostgreSQL alike.
 * Why not pg-boss or graphile-worker: both are PostgreSQL-only, and the embedded SQLite shop
 * needs the same queue (docs/jobs.md).
 */
export class DatabaseJobQueue implements JobQueue {
  private readonly db: Kysely<JobsTable>;

  constructor(
    private readonly database: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = tablesOf<JobsTable>(database);
  }

  async enqueue<Tables>(executor: Kysely<Tables> | Transaction<Tables>, job: JobToEnqueue): Promise<string | undefined> {
    const now = this.now().toISOString();
    const id = randomId();
    const result = await (executor as unknown as Kysely<JobsTable>)
      .insertInto('jobs')
      .values({
        id,
        name: job.name,
        payload: JSON.stringify(job.payload ?? null),
        status: 'queued',
        run_at: (job.runAt ?? this.now()).toISOString(),
        attempts: 0,
        max_attempts: job.maxAttempts ?? 5,
        last_error: null,
        locked_by: null,
        locked_until: null,
        unique_key: job.uniqueKey ?? null,
        created_at: now,
        finished_at: null,
        secret: job.secret ?? null,
      })
      .onConflict((conflict) => conflict.column('unique_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
  }

  async claim(workerId: string, limit: number, lockMs: number): Promise<ClaimedJob[]> {
    const now = this.now();
    const nowIso = now.toISOString();
    // A job whose worker died on its last attempt is failed, not handed out again forever.
    await this.db
      .updateTable('jobs')
      .set({ status: 'failed', finished_at: nowIso, locked_by: null, locked_until: null, last_error: 'the worker stopped responding', secret: null })
      .where('status', '=', 'running')
      .where('locked_until', '<', nowIso)
      .whereRef('attempts', '>=', 'max_attempts')
      .execute();
    let due = this.db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
          // A worker that died mid-job leaves it running; once its lock expires, it is due again.
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso), eb('attempts', '<', eb.ref('max_attempts'))]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit);
    // On PostgreSQL several processes claim at once: SKIP LOCKED lets each take different rows
    // without waiting. SQLite has one writer at a time, so the single UPDATE is already atomic.
    if (this.database.engine === 'postgres') due = due.forUpdate().skipLocked();
    const rows = await this.db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: workerId,
        locked_until: new Date(now.getTime() + lockMs).toISOString(),
        attempts: sql<number>`attempts + 1`,
      })
      .where('id', 'in', due)
      .returning(['id', 'name', 'payload', 'attempts', 'max_attempts', 'run_at', 'secret'])
      .execute();
    // RETURNING follows no order: hand the jobs out oldest first, as they were chosen.
    rows.sort((a, b) => a.run_at.localeCompare(b.run_at));
    return rows.map((row) => ({
      id: row.id,
      lockedBy: workerId,
      name: row.name,
      payload: JSON.parse(row.payload) as unknown,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      secret: row.secret,
    }));
  }

  async complete(job: ClaimedJob) {
    const result = await this.db
      .updateTable('jobs')
      // The secret goes in the same statement that ends the job: it never outlives it.
      .set({ status: 'done', finished_at: this.now().toISOString(), locked_by: null, locked_until: null, last_error: null, secret: null })
      .where(heldBy(job))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async fail(job: ClaimedJob, error: unknown) {
    const message = scrub(error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const final = job.attempts >= job.maxAttempts;
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: final ? 'failed' : 'queued',
        run_at: final ? undefined : new Date(this.now().getTime() + retryDelayMs(job.attempts)).toISOString(),
        finished_at: final ? this.now().toISOString() : null,
        locked_by: null,
        locked_until: null,
        last_error: message,
        // Kept for the next attempt; wiped with the job's end.
        secret: final ? null : undefined,
      })
      .where(heldBy(job))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

/** The job as this worker holds it: same lock owner, same attempt, still running. */
function heldBy(job: ClaimedJob) {
  return (eb: ExpressionBuilder<JobsTable, 'jobs'>) =>
    eb.and([eb('id', '=', job.id), eb('status', '=', 'running'), eb('locked_by', '=', job.lockedBy), eb('attempts', '=', job.attempts)]);
}

/** Exponential backoff: 10 s, 20 s, 40 s… capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
