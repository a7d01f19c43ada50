import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import { AppError } from './errors.js';
import type { ErrorCode } from './errors.js';

/** A form as it comes back after a refusal: the error, each field's problem, what was typed. */
export interface FormState {
  code?: ErrorCode;
  fields?: Record<string, string>;
  values?: Record<string, string | undefined>;
}

/**
 * Text a form or query may carry: not absurdly long, and no NUL character (PostgreSQL refuses
 * it in text, and no person types one). The services check each field's own rules.
 */
export function textField(maxLength = 4000) {
  return { type: 'string', maxLength, pattern: '^[^\\u0000]*$' } as const;
}

/** A form body: strings only (see textField). */
export function formSchema(fields: string[]) {
  return {
    body: {
      type: 'object',
      properties: Object.fromEntries(fields.map((field) => [field, textField()])),
    },
  } as const;
}

export function bodyOf(request: FastifyRequest): Record<string, string> {
  const body = request.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, string>) : {};
}

/**
 * Answers a refused form by showing the same form again, with the refusal and what the visitor
 * typed (passwords are never echoed: Field leaves password inputs empty). Anything that is not
 * a visitor's mistake goes on to the error handler.
 */
export function refuseForm(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  render: (state: FormState) => JSX.Element,
): FastifyReply {
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  request.log.info({ code: error.code, status: error.status }, 'form refused');
  if (error.details?.retryAfterSeconds) reply.header('retry-after', String(error.details.retryAfterSeconds));
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .html(render({ code: error.code, fields: error.details?.fields, values: bodyOf(request) }));
}

/** Pages about a signed-in member are never stored by the browser or a shared cache. */
export function privatePage(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

/**
 * Where to go after signing in: only a path on this site (never `//elsewhere` or a URL), in
 * printable ASCII, as a Location header can carry it (links percent-encode everything else).
 */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(next) && next.length < 500 ? next : fallback;
}
