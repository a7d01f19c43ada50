import type { AppContext } from './context.js';
import { tablesOf } from './platform/db/database.js';
import type { JobHandlerRegistration } from './platform/jobs/job-handler.js';
import type { Schedule } from './platform/jobs/job-queue.js';
import { JobWorker } from './platform/jobs/job-worker.js';
import type { JobsTable } from './platform/jobs/jobs-table.js';

/** Gathers every module's job handlers and schedules into one worker (not started). */
export function createJobWorker(context: AppContext, options: { pollMs?: number } = {}): JobWorker {
  const handlers: JobHandlerRegistration[] = [];
  const schedules: Schedule[] = [];
  for (const module of context.modules) {
    for (const registration of module.jobs?.(context.runtimeOf(module)) ?? []) {
      if (handlers.some((other) => other.name === registration.name))
        throw new Error(`Job ${registration.name} has two handlers (module ${module.name})`);
      handlers.push(registration);
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
