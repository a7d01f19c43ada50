import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * Logs are for operating the shop, never a second copy of customers' data. Three layers:
 * 1. requests are logged by route pattern (/en/catalog/:slug), never the raw URL with its query
 *    string, and never headers, cookies or the client's IP;
 * 2. known personal fields are censored wherever they appear (redact paths);
 * 3. free text (error messages) is scrubbed of anything shaped like an email, IP, or token.
 */
export const redactedFields = [
  'email', 'to', 'from', 'ip', 'name', 'firstName', 'lastName', 'username', 'password', 'token',
  'phone', 'address', 'cookie', 'authorization', 'body', 'text', 'html', 'payload',
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [...redactedFields, ...redactedFields.map((field) => `*.${field}`)],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, route: routeOf(request) }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** The matched route pattern, or a fixed word when none matched (a 404 keeps its URL out). */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? '(no route)';
}

const patterns: [RegExp, string][] = [
  [/[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[a-z]{2,}/gi, '[email]'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, '[ip]'],
  [/\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/gi, '[ip]'],
  [/\b[A-Za-z0-9_-]{32,}\b/g, '[token]'],
];

export function scrub(text: string): string {
  let result = text;
  for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
  return result;
}

/**
 * Errors keep their type, code and a scrubbed message and stack. Database errors carry the
 * offending values in `detail`, `parameters` or `where`: those fields are not copied at all.
 */
export function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const { code } = error as { code?: unknown };
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrub(error.message),
    stack: error.stack ? scrub(error.stack) : undefined,
  };
}
