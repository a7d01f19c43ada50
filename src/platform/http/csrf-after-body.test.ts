import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyRequest } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecrets } from '../crypto/secrets.js';
import { csrfProtection } from './csrf.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-csrf-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/**
 * A route whose body is read after the parsing step (a multipart upload, read in its own plugin's
 * preValidation hook, which runs after the platform's) says `csrf: 'after-body'`: its token is
 * checked once the body is there, and still before the route's own preHandler (its guard).
 */
async function appWithLateBody() {
  const app = Fastify();
  await app.register(cookie);
  csrfProtection(app, { secrets: loadSecrets({ secretKey: 'k'.repeat(40), dataDir }), secure: false });
  const seen: string[] = [];
  app.setErrorHandler((error: { code?: string; message: string }, _request, reply) =>
    reply.code(403).send({ code: error.message }),
  );
  app.get('/form', async (request, reply) => ({ token: request.csrfToken(reply) }));
  await app.register(async (late) => {
    // Stands for the multipart reader: the body appears here, after the platform's preValidation.
    late.addHook('preValidation', async (request: FastifyRequest) => {
      seen.push('read body');
      request.body = { _csrf: request.headers['x-late-token'] };
    });
    late.post(
      '/upload',
      {
        config: { csrf: 'after-body' },
        preHandler: async () => {
          seen.push('guard');
        },
      },
      async () => {
        seen.push('handler');
        return { ok: true };
      },
    );
    late.post('/plain', async () => ({ ok: true }));
  });
  return { app, seen };
}

describe("CSRF for a body read late (config.csrf: 'after-body')", () => {
  it('checks the token once the body is read, before the route’s guard, and refuses without it', async () => {
    const { app, seen } = await appWithLateBody();
    const form = await app.inject({ url: '/form' });
    const token = (form.json() as { token: string }).token;
    const cookieHeader = `XSRF-TOKEN=${token}`;

    const missing = await app.inject({ method: 'POST', url: '/upload', headers: { cookie: cookieHeader } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual({ code: 'VT_CSRF_INVALID' });
    expect(seen).toEqual(['read body']);

    seen.length = 0;
    const wrong = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { cookie: cookieHeader, 'x-late-token': `${token}x` },
    });
    expect(wrong.statusCode).toBe(403);
    expect(seen).toEqual(['read body']);

    seen.length = 0;
    const right = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { cookie: cookieHeader, 'x-late-token': token },
    });
    expect(right.statusCode).toBe(200);
    expect(seen).toEqual(['read body', 'guard', 'handler']);

    // A route that does not say so is checked at preValidation, before the late body exists.
    const plain = await app.inject({
      method: 'POST',
      url: '/plain',
      headers: { cookie: cookieHeader, 'x-late-token': token },
    });
    expect(plain.statusCode).toBe(403);
    await app.close();
  });
});
