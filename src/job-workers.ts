import type { AppContext } from './context.js';
import { tablesOf } from './platform/db/database.js';
import type { JobHandler, Schedule } from './platform/jobs/job-queue.js';
import { JobWorker } from './platform/jobs/job-worker.js';
import type { JobsTable } from './platform/jobs/jobs-table.js';

/** Gathers every module's job handlers and schedules into one worker (not started). */
export function createJobWorker(context: AppContext, options: { pollMs?: number } = {}): JobWorker {
  const handlers: Record<string, JobHandler> = {};
  const schedules: Schedule[] = [];
  for (const module of context.modules) {
    for (const [name, handler] of Object.entries(module.jobs?.(context.runtimeOf(module)) ?? {})) {
      if (handlers[name]) throw new Error(`Job ${name} has two handlers (module ${module.name})`);
      handlers[name] = handler;
    }
    schedules.push(...(module.schedules ?? []));
  }
  return new JobWorker({
    queue: context.jobs,
    db: tablesOf<JobsTable>(context.database),
    handlers,
    schedules,
    logger: context.logger,
    now: context.now,
    ...options,
  });
}

export function startJobWorker(context: AppContext): JobWorker {
  const worker = createJobWorker(context);
  worker.start();
  return worker;
}
