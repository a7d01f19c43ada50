import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { censor, loggerOptions, scrub } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions('info'), stream);
  return { logger, text: () => lines.join('') };
}

describe('log redaction', () => {
  it('censors personal fields at any depth, in objects and arrays', () => {
    const { logger, text } = capture();
    logger.info(
      { order: { customer: { email: 'deep@example.org', Name: 'Ada' } }, recipients: [{ email: 'list@example.org' }] },
      'order placed',
    );
    expect(text()).not.toContain('deep@example.org');
    expect(text()).not.toContain('list@example.org');
    expect(text()).not.toContain('Ada');
    expect(text()).toContain('"email":"[redacted]"');
  });

  it('scrubs emails, IPv4 and IPv6 addresses and tokens from any text, messages included', () => {
    const { logger, text } = capture();
    logger.warn(
      { reason: 'bounce from ops@example.com via 2001:db8::1 and ::ffff:10.0.0.7' },
      'delivery to someone@example.net failed',
    );
    expect(text()).not.toMatch(/example\.(com|net)|2001:db8|10\.0\.0\.7/);
    expect(scrub('fe80::1ff:fe23:4567:890a and 2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toBe('[ip] and [ip]');
    expect(scrub('token abcdefghijklmnopqrstuvwxyz0123456789')).toBe('token [token]');
  });

  it('leaves the server’s own loopback and "any" addresses readable', () => {
    expect(scrub('listening at http://127.0.0.1:3000 and http://[::1]:3000 and 0.0.0.0:80')).toBe(
      'listening at http://127.0.0.1:3000 and http://[::1]:3000 and 0.0.0.0:80',
    );
    expect(scrub('client 192.0.2.1 and 10.0.0.8')).toBe('client [ip] and [ip]');
  });

  it('leaves clock times, dates, routes and numbers alone', () => {
    expect(scrub('2026-11-25T10:30:00.000Z /en/catalog/:slug took 12.5 ms at 10:30')).toBe(
      '2026-11-25T10:30:00.000Z /en/catalog/:slug took 12.5 ms at 10:30',
    );
    expect(censor({ status: 200, ms: 1.5, ok: true, at: new Date(0) })).toEqual({
      status: 200,
      ms: 1.5,
      ok: true,
      at: new Date(0),
    });
  });

  it('serializes errors without the values a database error carries', () => {
    const { logger, text } = capture();
    const error = Object.assign(new Error('duplicate key for dup@example.org'), {
      code: '23505',
      detail: 'Key (email)=(dup@example.org) already exists.',
    });
    logger.error({ err: error }, 'insert failed');
    expect(text()).toContain('"code":"23505"');
    expect(text()).not.toContain('dup@example.org');
    expect(text()).not.toContain('already exists');
  });
});
