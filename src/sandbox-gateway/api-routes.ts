import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type CheckoutStore, type Idempotency, type NewSession, SandboxError } from './checkout-store.js';

/**
 * The server-to-server API, shaped like a PSP's: JSON, a secret key as Bearer token, errors as
 * `{ error: { type, code, message, param } }`, an Idempotency-Key header on every creation so a
 * retried request never opens a second session nor refunds twice.
 *
 *   POST /v1/checkout/sessions                          open a hosted payment page
 *   GET  /v1/checkout/sessions/:id                      how it stands
 *   POST /v1/checkout/sessions/:id/expire               close it (idempotent)
 *   POST /v1/refunds                                    refund part or all of a paid session
 *   GET  /v1/refunds/:id
 *   POST /v1/test_helpers/checkout/sessions/:id/dispute open a dispute (tests, demo)
 *   POST /v1/test_helpers/disputes/:id/close            settle it: won or lost
 *   GET  /v1/ping                                       is this key accepted here?
 */
export function apiRoutes(app: FastifyInstance, store: CheckoutStore, apiKey: string, now: () => Date) {
  const expected = Buffer.from(`Bearer ${apiKey}`);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/')) return;
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return sendError(
        reply,
        new SandboxError(401, 'api_key_invalid', 'Invalid API key: send it as "Authorization: Bearer <key>"'),
      );
    }
  });

  app.get('/v1/ping', () => ({ ok: true }));

  app.post<{ Body: unknown }>('/v1/checkout/sessions', (request, reply) =>
    answer(reply, () =>
      store.resource(store.create(readNewSession(request.body, now()), idempotencyOf(request, request.body))),
    ),
  );

  app.get<{ Params: { id: string } }>('/v1/checkout/sessions/:id', (request, reply) =>
    answer(reply, () => store.resource(store.get(request.params.id))),
  );

  app.post<{ Params: { id: string } }>('/v1/checkout/sessions/:id/expire', (request, reply) =>
    answer(reply, () => store.resource(store.expire(request.params.id))),
  );

  app.post<{ Body: unknown }>('/v1/refunds', (request, reply) =>
    answer(reply, () => {
      const body = object(request.body);
      const session = body.checkout_session;
      if (typeof session !== 'string') throw invalid('checkout_session', 'checkout_session is required');
      const amount = body.amount;
      if (amount !== undefined && !Number.isInteger(amount))
        throw invalid('amount', 'amount must be a whole number of cents');
      return store.refund(session, amount as number | undefined, idempotencyOf(request, body));
    }),
  );

  app.get<{ Params: { id: string } }>('/v1/refunds/:id', (request, reply) =>
    answer(reply, () => store.refundById(request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: unknown }>(
    '/v1/test_helpers/checkout/sessions/:id/dispute',
    (request, reply) =>
      answer(reply, () => {
        const reason = object(request.body).reason ?? 'fraudulent';
        if (typeof reason !== 'string' || !/^[a-z_]{1,40}$/.test(reason))
          throw invalid('reason', 'reason must be a word such as fraudulent');
        return store.openDispute(request.params.id, reason);
      }),
  );

  app.post<{ Params: { id: string }; Body: unknown }>('/v1/test_helpers/disputes/:id/close', (request, reply) =>
    answer(reply, () => {
      const outcome = object(request.body).outcome;
      if (outcome !== 'won' && outcome !== 'lost') throw invalid('outcome', 'outcome must be won or lost');
      return store.closeDispute(request.params.id, outcome);
    }),
  );
}

function answer(reply: FastifyReply, produce: () => unknown) {
  try {
    return reply.send(produce());
  } catch (error) {
    if (error instanceof SandboxError) return sendError(reply, error);
    throw error;
  }
}

export function sendError(reply: FastifyReply, error: SandboxError) {
  const type = error.status === 401 ? 'authentication_error' : 'invalid_request_error';
  return reply
    .status(error.status)
    .send({ error: { type, code: error.code, message: error.message, param: error.param } });
}

function idempotencyOf(request: FastifyRequest, body: unknown): Idempotency | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
    throw invalid('Idempotency-Key', 'Idempotency-Key must be 1 to 255 characters');
  }
  return { key, request: body };
}

function object(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function invalid(param: string, message: string) {
  return new SandboxError(400, 'parameter_invalid', message, param);
}

const maxLifetimeSeconds = 24 * 60 * 60;

/** The creation request, checked as a PSP checks it: every refusal names the parameter. */
function readNewSession(raw: unknown, at: Date): NewSession {
  const body = object(raw);
  const seconds = Math.floor(at.getTime() / 1000);
  const string = (name: string, max: number, pattern?: RegExp) => {
    const value = body[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > max || (pattern && !pattern.test(value))) {
      throw invalid(
        name,
        `${name} is required: a string of at most ${max} characters${pattern ? ' in the expected format' : ''}`,
      );
    }
    return value;
  };
  const url = (name: string) => {
    const value = string(name, 2048);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw invalid(name, `${name} must be an absolute http(s) URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw invalid(name, `${name} must be an absolute http(s) URL`);
    return value;
  };
  const amount = body.amount;
  if (!Number.isInteger(amount) || (amount as number) < 1 || (amount as number) > 99_999_999) {
    throw invalid('amount', 'amount must be a whole number of cents between 1 and 99999999');
  }
  const expiresAt = body.expires_at ?? seconds + maxLifetimeSeconds;
  if (
    !Number.isInteger(expiresAt) ||
    (expiresAt as number) <= seconds ||
    (expiresAt as number) > seconds + maxLifetimeSeconds
  ) {
    throw invalid('expires_at', 'expires_at must be a Unix time in seconds, in the future and within 24 hours');
  }
  const locale = body.locale ?? 'en';
  if (locale !== 'fr' && locale !== 'en') throw invalid('locale', 'locale must be fr or en');
  return {
    amount: amount as number,
    currency: string('currency', 3, /^[A-Za-z]{3}$/).toLowerCase(),
    description: string('description', 500),
    customerEmail: string('customer_email', 254, /^[^@\s]+@[^@\s]+$/),
    locale,
    successUrl: url('success_url'),
    cancelUrl: url('cancel_url'),
    expiresAt: expiresAt as number,
    metadata: readMetadata(body.metadata),
  };
}

function readMetadata(raw: unknown): Record<string, string> {
  if (raw === undefined) return {};
  const entries = Object.entries(object(raw));
  if (typeof raw !== 'object' || entries.length > 20)
    throw invalid('metadata', 'metadata must be an object of at most 20 keys');
  for (const [key, value] of entries) {
    if (key.length > 40 || typeof value !== 'string' || value.length > 500) {
      throw invalid('metadata', 'metadata keys have at most 40 characters and values are strings of at most 500');
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
