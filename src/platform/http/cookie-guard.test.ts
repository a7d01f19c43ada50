import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { defineCookie } from '../../privacy/core/declare.js';
import { CookieRegistry } from '../../privacy/core/cookie-registry.js';
import { cookieGuard, cookieLifetime, setDeclaredCookie } from './cookie-guard.js';

const essential = defineCookie({
  name: 'essential_one',
  category: 'essential',
  purpose: { en: 'e', fr: 'e' },
  duration: 'P1D',
  httpOnly: true,
});
const analytics = defineCookie({
  name: 'stats_id',
  category: 'analytics',
  purpose: { en: 'a', fr: 'a' },
  duration: 'P12M',
  httpOnly: true,
});
const registry = new CookieRegistry([{ module: 'test', cookies: [essential, analytics] }]);

/** A real Fastify app with the real cookie plugin and the guard, and routes that set cookies. */
async function appWith(onViolation: 'throw' | 'drop', consented = false) {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  cookieGuard(app, { registry, onViolation, hasConsent: () => consented });
  app.get('/essential', async (_q, reply) => setDeclaredCookie(reply, essential, 'v', { secure: false }).send('ok'));
  app.get('/unregistered', async (_q, reply) =>
    reply.setCookie('tracker', 'x').setCookie('essential_one', 'v', { maxAge: 60, httpOnly: true }).send('ok'),
  );
  app.get('/analytics', async (_q, reply) => setDeclaredCookie(reply, analytics, 'v', { secure: false }).send('ok'));
  app.get('/too-long', async (_q, reply) =>
    reply.setCookie('essential_one', 'v', { maxAge: 10 * 86400, httpOnly: true }).send('ok'),
  );
  app.get('/clear', async (_q, reply) => reply.clearCookie('legacy_cookie').send('ok'));
  // Raw headers a careless plugin could write, each trying to pass for a cookie being cleared.
  app.get('/raw/:case', async (request, reply) => {
    const cases: Record<string, string> = {
      'max-age-twice': 'tracker=x; Max-Age=0; Max-Age=31536000',
      'empty-max-age': 'tracker=x; Max-Age=',
      'expired-but-max-age': 'tracker=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=31536000',
      'cleared-with-value': 'tracker=x; Max-Age=0',
    };
    return reply.header('set-cookie', cases[(request.params as { case: string }).case]).send('ok');
  });
  return app;
}

describe('cookie guard', () => {
  it('lets a registered essential cookie through with its declared lifetime', async () => {
    const response = await (await appWith('throw')).inject({ url: '/essential' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toMatch(/^essential_one=v; Max-Age=86400; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('throws in development and tests when a cookie is not registered', async () => {
    const response = await (await appWith('throw')).inject({ url: '/unregistered' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('in production drops only the offending cookie and keeps the rest', async () => {
    const response = await (await appWith('drop')).inject({ url: '/unregistered' });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/^essential_one=v/);
    expect(String(response.headers['set-cookie'])).not.toContain('tracker');
  });

  it('never sets a non-essential cookie without consent, and does once consent is given', async () => {
    const refused = await (await appWith('drop', false)).inject({ url: '/analytics' });
    expect(refused.headers['set-cookie']).toBeUndefined();
    const consented = await (await appWith('drop', true)).inject({ url: '/analytics' });
    expect(String(consented.headers['set-cookie'])).toMatch(/^stats_id=v/);
  });

  it('refuses a cookie that would outlive its declared duration', async () => {
    const response = await (await appWith('drop')).inject({ url: '/too-long' });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('always allows clearing a cookie, registered or not', async () => {
    const response = await (await appWith('throw')).inject({ url: '/clear' });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).toContain('legacy_cookie=;');
  });

  it.each(['max-age-twice', 'empty-max-age', 'expired-but-max-age', 'cleared-with-value'])(
    'is not fooled by conflicting or empty expiry attributes (%s)',
    async (name) => {
      const app = await appWith('drop');
      const response = await app.inject({ url: `/raw/${name}` });
      expect(response.headers['set-cookie']).toBeUndefined();
    },
  );

  it('logs the refused cookie’s name in production', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => void lines.push(line) } } });
    await app.register(cookie);
    cookieGuard(app, { registry, onViolation: 'drop', hasConsent: () => false });
    app.get('/', async (_q, reply) => reply.setCookie('tracker', 'x').send('ok'));
    await app.inject({ url: '/' });
    expect(lines.join('')).toContain('"cookieName":"tracker"');
  });
});

describe('cookieLifetime', () => {
  it('follows RFC 6265: the last valid Max-Age wins over Expires', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(cookieLifetime('a=b', now)).toBeUndefined();
    expect(cookieLifetime('a=b; Max-Age=60', now)).toBe(60);
    expect(cookieLifetime('a=b; Max-Age=0; Max-Age=60', now)).toBe(60);
    expect(cookieLifetime('a=b; Max-Age=; Path=/', now)).toBeUndefined();
    expect(cookieLifetime('a=b; Max-Age=1e9', now)).toBeUndefined();
    expect(cookieLifetime('a=b; Expires=Wed, 25 Nov 2026 00:01:00 GMT', now)).toBe(60);
    expect(cookieLifetime('a=b; Expires=Wed, 25 Nov 2026 00:01:00 GMT; Max-Age=-1', now)).toBe(-1);
  });
});
