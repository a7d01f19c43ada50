import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('needs nothing to run the demo: SQLite under ./data, loopback, port 3000, outbox mail', () => {
    const config = loadConfig({}, '/srv/shop');
    expect(config.database).toEqual({ engine: 'sqlite', file: path.join('/srv/shop/data', 'vitrine.sqlite') });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.smtpUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.timeouts).toEqual({ requestMs: 30_000, headersMs: 10_000 });
  });

  it('sells through the sandbox gateway by default, started beside the shop at a loopback address', () => {
    expect(loadConfig({}).payments).toEqual({
      gateway: 'sandbox',
      sandbox: { url: 'http://127.0.0.1:4242', apiKey: undefined, webhookSecret: undefined, start: true },
    });
    const elsewhere = loadConfig({ SANDBOX_GATEWAY_URL: 'https://pay.example.org/' }).payments;
    expect(elsewhere).toMatchObject({ sandbox: { url: 'https://pay.example.org', start: false } });
    expect(loadConfig({ SANDBOX_GATEWAY_START: 'false' }).payments).toMatchObject({ sandbox: { start: false } });
  });

  it('refuses the sandbox in production unless meant, Stripe without its keys, and one sandbox key alone', () => {
    const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://shop.example', SMTP_URL: 'smtp://mail:25' };
    expect(() => loadConfig(production)).toThrow(/PAYMENT_GATEWAY is sandbox/);
    expect(loadConfig({ ...production, SANDBOX_GATEWAY_IN_PRODUCTION: 'true' }).payments.gateway).toBe('sandbox');
    expect(() => loadConfig({ PAYMENT_GATEWAY: 'stripe' })).toThrow(/STRIPE_SECRET_KEY is required/);
    expect(() => loadConfig({ PAYMENT_GATEWAY: 'stripe', STRIPE_SECRET_KEY: 'pk_test_abc' })).toThrow(
      /STRIPE_SECRET_KEY must be a Stripe secret key/,
    );
    expect(
      loadConfig({ PAYMENT_GATEWAY: 'stripe', STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_xyz' })
        .payments,
    ).toEqual({ gateway: 'stripe', stripe: { secretKey: 'sk_test_abc123', webhookSecret: 'whsec_xyz' } });
    expect(() => loadConfig({ SANDBOX_GATEWAY_API_KEY: 'a-long-enough-api-key' })).toThrow(
      /SANDBOX_GATEWAY_WEBHOOK_SECRET must be set together/,
    );
  });

  it('reads the request and header timeouts; the headers never get longer than the whole request', () => {
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '2000' }).timeouts).toEqual({
      requestMs: 5000,
      headersMs: 2000,
    });
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '4000' }).timeouts).toEqual({ requestMs: 4000, headersMs: 4000 });
  });

  it('reads PostgreSQL, Redis and SMTP from their URLs', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://shop@db:5432/shop',
      REDIS_URL: 'redis://cache:6379',
      SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      TRUST_PROXY: '1',
    });
    expect(config.database).toEqual({ engine: 'postgres', url: 'postgres://shop@db:5432/shop' });
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.smtpUrl).toContain('smtps://');
    expect(config.trustProxy).toBe(1);
  });

  it.each([
    [{ PORT: 'eighty' }, 'Invalid configuration: PORT must be a whole number between 0 and 65535 (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be a whole number between 0 and 65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres://, postgresql:// or sqlite:'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL must start with redis:// or rediss://'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL is not a valid URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test (got "staging")'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false (got "maybe")'],
    [{ SECRET_KEY: 'short' }, 'SECRET_KEY must be at least 32 characters long'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM must be an address'],
    [{ TRUST_PROXY: 'everyone!' }, 'TRUST_PROXY must be true, false, a hop count or a list of proxy addresses'],
    [{ REQUEST_TIMEOUT_MS: '0' }, 'REQUEST_TIMEOUT_MS must be a whole number between 100 and 3600000 (got "0")'],
    [{ REQUEST_TIMEOUT_MS: '30s' }, 'REQUEST_TIMEOUT_MS must be a whole number'],
    [
      { REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '6000' },
      'HEADERS_TIMEOUT_MS must not be longer than REQUEST_TIMEOUT_MS (5000)',
    ],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
