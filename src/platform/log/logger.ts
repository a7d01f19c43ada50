import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * Logs are for operating the shop, never a second copy of customers' data. Three layers:
 * 1. requests are logged by route pattern (/en/catalog/:slug), never the raw URL with its query
 *    string, and never headers, cookies or the client's IP;
 * 2. fields with personal names are censored wherever they appear, at any depth;
 * 3. all other text (values, messages, errors) is scrubbed of anything shaped like an email,
 *    an IP address or a token.
 */
export const redactedFields = [
  'email',
  'to',
  'from',
  'ip',
  'name',
  'firstName',
  'lastName',
  'username',
  'password',
  'token',
  'phone',
  'address',
  'cookie',
  'cookies',
  'authorization',
  'body',
  'text',
  'html',
  'payload',
];
const sensitive = new Set(redactedFields.map((field) => field.toLowerCase()));

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, route: routeOf(request) }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      err: serializeError,
    },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => censor(object) as Record<string, unknown>,
    },
    hooks: {
      // The message itself (logger.info(obj, 'message')) is scrubbed like any other text.
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  };
}

/** The matched route pattern, or a fixed word when none matched (a 404 keeps its URL out). */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions?.url ?? '(no route)';
}

/**
 * A copy of a log object with personal fields censored and text scrubbed, at any depth. Only
 * plain objects and arrays are walked; errors go to their serializer, other objects as they are.
 */
export function censor(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object' || depth > 10) return value;
  if (Array.isArray(value)) return value.map((item) => censor(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = sensitive.has(key.toLowerCase()) ? '[redacted]' : censor(item, depth + 1);
  }
  return copy;
}

const hex = '[0-9a-f]{1,4}';
// Loopback and "any" addresses are the server's own (it listens on 127.0.0.1), never a visitor's.
const serverOwn = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|0\.0\.0\.0|::1?)$/;
const patterns: [RegExp, string | ((match: string) => string)][] = [
  [/[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[a-z]{2,}/gi, '[email]'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, (ip) => (serverOwn.test(ip) ? ip : '[ip]')],
  // IPv6: the full eight groups, or any compressed form with "::". Clock times (10:30:00) have
  // neither, so they survive.
  [
    new RegExp(
      `(?<![\\w:])(?:(?:${hex}:){7}${hex}|(?:${hex}(?::${hex}){0,6})?::(?:${hex}(?::${hex}){0,6})?)(?![\\w:])`,
      'gi',
    ),
    (ip) => (serverOwn.test(ip) ? ip : '[ip]'),
  ],
  [/\b[A-Za-z0-9_-]{32,}\b/g, '[token]'],
];

export function scrub(text: string): string {
  let result = text;
  for (const [pattern, replacement] of patterns) {
    result =
      typeof replacement === 'string' ? result.replace(pattern, replacement) : result.replace(pattern, replacement);
  }
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
