/**
 * A kind of job: its name, and how to read its payload back from storage. `enqueue` takes it
 * with a payload of its type, and a handler registered with `handle` (job-handler.ts) receives
 * that type.
 */
export interface JobDefinition<Payload> {
  /** Unique in the application: `module.what` (`mail.send`). */
  readonly name: string;
  /** Checks a stored payload and returns it typed; throws JobPayloadError if it is malformed. */
  parse(payload: unknown): Payload;
}

/**
 * A failure no retry can mend: the worker records the job failed at once, whatever attempts it
 * has left, instead of retrying it for hours. A handler may throw it too.
 */
export class UnrecoverableJobError extends Error {}

/**
 * A payload that does not have the shape its job's definition expects: a job enqueued by an
 * older version, or a bug. No retry can mend it, so the worker fails the job at once.
 */
export class JobPayloadError extends UnrecoverableJobError {
  readonly code = 'VT_JOB_PAYLOAD_INVALID';

  constructor(jobName: string, cause: unknown) {
    // The parser's words name what is wrong (a field, a type), never the values themselves.
    super(`job ${jobName} has a malformed payload: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/**
 * Defines a job. `parse` may throw any error on a malformed payload (a validation library's
 * `schema.parse` fits as it is); callers always get a JobPayloadError naming the job.
 */
export function defineJob<Payload>(definition: {
  name: string;
  parse: (payload: unknown) => Payload;
}): JobDefinition<Payload> {
  return {
    name: definition.name,
    parse(payload) {
      try {
        return definition.parse(payload);
      } catch (error) {
        throw error instanceof JobPayloadError ? error : new JobPayloadError(definition.name, error);
      }
    },
  };
}

/** The parser of a job that carries nothing, such as a scheduled one. */
export function noPayload(payload: unknown): null {
  if (payload !== null) throw new Error('expected no payload');
  return null;
}

/**
 * The payload as stored (JSON), refused at enqueue, in the caller's transaction, if the worker
 * could not read it back: a value JSON changes (NaN, a Date) fails now, not at every attempt.
 */
export function storedPayload<Payload>(definition: JobDefinition<Payload>, payload: Payload): string {
  const json = JSON.stringify(payload ?? null);
  definition.parse(JSON.parse(json));
  return json;
}
