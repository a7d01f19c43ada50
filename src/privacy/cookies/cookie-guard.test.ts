import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { defineCookie } from '../declare.js';
import { CookieRegistry } from './cookie-registry.js';
import { cookieGuard, setDeclaredCookie } from './cookie-guard.js';

const essential = defineCookie({ name: 'essential_one', category: 'essential', purpose: { en: 'e', fr: 'e' }, duration: 'P1D', httpOnly: true });
const analytics = defineCookie({ name: 'stats_id', category: 'analytics', purpose: { en: 'a', fr: 'a' }, duration: 'P12M', httpOnly: true });
const registry = new CookieRegistry([{ module: 'test', cookies: [essential, analytics] }]);

/** A real Fastify app with the real cookie plugin and the guard, and routes that set cookies. */
async function appWith(onViolation: 'throw' | 'drop', consented = false) {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  cookieGuard(app, { registry, onViolation, hasConsent: () => consented });
  app.get('/essential', async (_q, reply) => setDeclaredCookie(reply, essential, 'v', { secure: false }).send('ok'));
  app.get('/unregistered', async (_q, reply) => reply.setCookie('tracker', 'x').setCookie('essential_one', 'v', { maxAge: 60, httpOnly: true }).send('ok'));
  app.get('/analytics', async (_q, reply) => setDeclaredCookie(reply, analytics, 'v', { secure: false }).send('ok'));
  app.get('/too-long', async (_q, reply) => reply.setCookie('essential_one', 'v', { maxAge: 10 * 86400, httpOnly: true }).send('ok'));
  app.get('/clear', async (_q, reply) => reply.clearCookie('legacy_cookie').send('ok'));
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
});
