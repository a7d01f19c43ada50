import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazyValidation } from './lazy-validation.js';

const body = {
  type: 'object',
  required: ['quantity'],
  properties: { quantity: { type: 'integer', minimum: 1 }, note: { type: 'string', default: 'none' } },
};

/** The same route on an app with lazy validators, or with Fastify's own eager ones. */
function appWith(lazy: boolean) {
  const app = lazy ? Fastify({ schemaController: lazyValidation().schemaController }) : Fastify();
  app.post('/one', { schema: { body } }, async (request) => request.body);
  return app;
}

describe('route schemas compiled on first use', () => {
  it('validates as Fastify does: coerces, fills defaults, and refuses with the same 400 and message', async () => {
    const app = appWith(true);
    const eager = appWith(false);
    const ok = await app.inject({ method: 'POST', url: '/one', payload: { quantity: '2' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ quantity: 2, note: 'none' });
    for (const payload of [{ quantity: 0 }, {}, { quantity: 'many' }]) {
      const lazy = await app.inject({ method: 'POST', url: '/one', payload });
      const reference = await eager.inject({ method: 'POST', url: '/one', payload });
      expect(lazy.statusCode).toBe(400);
      expect(lazy.json()).toEqual(reference.json());
    }
    await app.close();
    await eager.close();
  });

  it('compiles nothing at start, a route’s schema at its first request, and the rest when warmed up', async () => {
    const validation = lazyValidation();
    const compiledSchemas: unknown[] = [];
    const app = Fastify({
      schemaController: validation.schemaController,
      ajv: {
        plugins: [
          (ajv) =>
            ajv.addKeyword({
              keyword: 'x-count',
              // Called by ajv while it compiles a schema that has the keyword: a record of compilations.
              compile: (schema) => {
                compiledSchemas.push(schema);
                return () => true;
              },
            }),
        ],
      },
    });
    const body = (route: string) => ({ type: 'object', 'x-count': route, properties: { a: { type: 'string' } } });
    app.post('/one', { schema: { body: body('one') } }, async () => 'ok');
    app.post('/two', { schema: { body: body('two') } }, async () => 'ok');
    app.post('/three', { schema: { body: body('three') } }, async () => 'ok');
    await app.ready();
    expect(compiledSchemas).toEqual([]);
    await app.inject({ method: 'POST', url: '/two', payload: { a: 'x' } });
    await app.inject({ method: 'POST', url: '/two', payload: { a: 'y' } });
    expect(compiledSchemas).toEqual(['two']);
    validation.warmUp();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...compiledSchemas].sort()).toEqual(['one', 'three', 'two']);
    await app.close();
  });

  it('writes back a value ajv coerces at the root, as Fastify’s own validators do', async () => {
    for (const app of [Fastify({ schemaController: lazyValidation().schemaController }), Fastify()]) {
      app.post('/number', { schema: { body: { type: 'integer' } } }, async (request) => ({
        type: typeof request.body,
        body: request.body,
      }));
      const answer = await app.inject({
        method: 'POST',
        url: '/number',
        headers: { 'content-type': 'text/plain' },
        payload: '42',
      });
      expect(answer.json()).toEqual({ type: 'number', body: 42 });
      await app.close();
    }
  });

  it('keeps a listening server up when a schema cannot be compiled: that route answers 500, the others work', async () => {
    const validation = lazyValidation();
    const app = Fastify({ schemaController: validation.schemaController });
    app.addHook('onListen', async () => {
      setImmediate(validation.warmUp);
    });
    app.post(
      '/broken',
      { schema: { body: { type: 'object', properties: { a: { type: 'nope' } } } } },
      async () => 'ok',
    );
    app.post('/fine', { schema: { body } }, async (request) => request.body);
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(crashes).toEqual([]);
      const broken = await app.inject({ method: 'POST', url: '/broken', payload: { a: 'x' } });
      expect(broken.statusCode).toBe(500);
      const fine = await app.inject({ method: 'POST', url: '/fine', payload: { quantity: 3 } });
      expect(fine.json()).toEqual({ quantity: 3, note: 'none' });
    } finally {
      process.off('uncaughtException', onCrash);
      await app.close();
    }
  });
});
