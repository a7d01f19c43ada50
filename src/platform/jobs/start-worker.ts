import { tablesOf } from '../db/database.js';
import type { AppContext } from '../../context.js';
import type { JobHandler, Schedule } from './job-queue.js';
import { JobWorker } from './job-worker.js';
import type { JobsTable } from './jobs-table.js';

/** Gathers every module's job handlers and schedules, and starts polling. */
export function createJobWorker(context: AppContext, options: { pollMs?: number } = {}): JobWorker {
  const handlers: Record<string, JobHandler> = {};
  const schedules: Schedule[] = [];
  for (const module of context.modules) {
    for (const [name, handler] of Object.entries(module.jobs?.(context) ?? {})) {
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
