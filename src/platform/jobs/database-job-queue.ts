import { tablesOf } from '../db/database.js';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database, Executor } from '../db/database.js';
import { randomId } from '../crypto/tokens.js';
import { scrub } from '../log/logger.js';
import { type JobDefinition, storedPayload } from './job-definition.js';
import {
  type ClaimedJob,
  type EnqueueOptions,
  type JobQueue,
  type WorkerIdentity,
  retryDelayMs,
  workerStaleMs,
} from './job-queue.js';
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

  async enqueue<Payload, Tables>(
    executor: Executor<Tables>,
    job: JobDefinition<Payload>,
    payload: NoInfer<Payload>,
    options: EnqueueOptions = {},
  ): Promise<string | undefined> {
    const now = this.now().toISOString();
    const id = randomId();
    const result = await (executor as unknown as Kysely<JobsTable>)
      .insertInto('jobs')
      .values({
        id,
        name: job.name,
        payload: storedPayload(job, payload),
        status: 'queued',
        run_at: (options.runAt ?? this.now()).toISOString(),
        attempts: 0,
        max_attempts: options.maxAttempts ?? 5,
        last_error: null,
        locked_by: null,
        locked_until: null,
        unique_key: options.uniqueKey ?? null,
        created_at: now,
        finished_at: null,
        secret: options.secret ?? null,
      })
      .onConflict((conflict) => conflict.column('unique_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
  }

  async claim(workerId: string, limit: number, lockMs: number): Promise<ClaimedJob[]> {
    const now = this.now();
    const nowIso = now.toISOString();
    const staleBefore = new Date(now.getTime() - workerStaleMs).toISOString();
    // A running job is abandoned when its lock expired, or at once when its worker is known dead:
    // it announced itself (jobs_workers) and has been silent since. A worker that never did keeps
    // its jobs until the lock expires, so a live one is never taken for dead.
    const abandoned = (eb: ExpressionBuilder<JobsTable, 'jobs'>) =>
      eb.and([
        eb('status', '=', 'running'),
        eb.or([
          eb('locked_until', '<', nowIso),
          eb(
            'locked_by',
            'in',
            eb.selectFrom('jobs_workers').select('jobs_workers.id').where('heartbeat_at', '<', staleBefore),
          ),
        ]),
      ]);
    // A job whose worker died on its last attempt is failed, not handed out again forever.
    await this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        finished_at: nowIso,
        locked_by: null,
        locked_until: null,
        last_error: 'the worker stopped responding',
        secret: null,
      })
      .where(abandoned)
      .whereRef('attempts', '>=', 'max_attempts')
      .execute();
    let due = this.db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
          // A worker that died mid-job leaves it running: it is due again once abandoned.
          eb.and([abandoned(eb), eb('attempts', '<', eb.ref('max_attempts'))]),
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
      .set({
        status: 'done',
        finished_at: this.now().toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: null,
        secret: null,
      })
      .where(heldBy(job))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async fail(job: ClaimedJob, error: unknown, options: { retry?: boolean } = {}) {
    const message = scrub(error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const final = options.retry === false || job.attempts >= job.maxAttempts;
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

  async beat(worker: WorkerIdentity) {
    const nowIso = this.now().toISOString();
    await this.db
      .insertInto('jobs_workers')
      .values({ id: worker.id, host: worker.host, pid: worker.pid, started_at: nowIso, heartbeat_at: nowIso })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ heartbeat_at: nowIso }))
      .execute();
  }

  async leave(workerId: string) {
    // Rows of workers that crashed are kept while they hold a job (that is how their jobs are
    // known abandoned), then a day longer than any lock, and removed by the next clean stop.
    const longAgo = new Date(this.now().getTime() - 86_400_000).toISOString();
    await this.db
      .deleteFrom('jobs_workers')
      .where((eb) =>
        eb.or([
          eb('id', '=', workerId),
          eb.and([
            eb('heartbeat_at', '<', longAgo),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('jobs')
                  .select('jobs.id')
                  .where('status', '=', 'running')
                  .whereRef('jobs.locked_by', '=', 'jobs_workers.id'),
              ),
            ),
          ]),
        ]),
      )
      .execute();
  }

  async workersOn(host: string): Promise<WorkerIdentity[]> {
    return this.db.selectFrom('jobs_workers').select(['id', 'host', 'pid']).where('host', '=', host).execute();
  }

  async declareDead(workerIds: string[]) {
    if (workerIds.length === 0) return 0;
    // A heartbeat at the epoch is older than any staleness limit, whatever the claimer's clock.
    await this.db
      .updateTable('jobs_workers')
      .set({ heartbeat_at: new Date(0).toISOString() })
      .where('id', 'in', workerIds)
      .execute();
    const held = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('status', '=', 'running')
      .where('locked_by', 'in', workerIds)
      .executeTakeFirstOrThrow();
    return Number(held.count);
  }
}

/** The job as this worker holds it: same lock owner, same attempt, still running. */
function heldBy(job: ClaimedJob) {
  return (eb: ExpressionBuilder<JobsTable, 'jobs'>) =>
    eb.and([
      eb('id', '=', job.id),
      eb('status', '=', 'running'),
      eb('locked_by', '=', job.lockedBy),
      eb('attempts', '=', job.attempts),
    ]);
}
