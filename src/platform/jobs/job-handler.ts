import type { JobDefinition } from './job-definition.js';
import type { ClaimedJob, JobHandler } from './job-queue.js';

/** A job's handler as a module lists it (`handle(definition, handler)`), ready for the worker. */
export interface JobHandlerRegistration {
  readonly name: string;
  /** Parses the stored payload with the job's definition, then runs the handler on it. */
  run(payload: unknown, job: ClaimedJob): Promise<void>;
}

/**
 * Registers the handler of a job: it receives the payload as the definition types it. A payload
 * the definition refuses never reaches it (JobPayloadError: the job fails without a retry).
 */
export function handle<Payload>(
  definition: JobDefinition<Payload>,
  handler: (payload: Payload, job: ClaimedJob) => Promise<void>,
): JobHandlerRegistration {
  return { name: definition.name, run: async (payload, job) => handler(definition.parse(payload), job) };
}

/**
 * The worker's handlers by job name, from registrations or from the older form, handlers keyed
 * by name that check their payload themselves. A job handled twice is refused, naming it.
 */
export function handlersByName(
  handlers: Record<string, JobHandler> | readonly JobHandlerRegistration[],
): Map<string, JobHandler> {
  const byName = new Map<string, JobHandler>();
  const entries: [string, JobHandler][] = Array.isArray(handlers)
    ? handlers.map((registration): [string, JobHandler] => [registration.name, registration.run])
    : Object.entries(handlers);
  for (const [name, run] of entries) {
    if (byName.has(name)) throw new Error(`Job ${name} has two handlers`);
    byName.set(name, run);
  }
  return byName;
}
