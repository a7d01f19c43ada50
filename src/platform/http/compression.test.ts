import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/harness.js';
import { compression, preferredCoding } from './compression.js';

/** The body as the client reads it once decoded, whatever coding the server chose. */
function decoded(response: LightMyRequestResponse): string {
  const raw = response.rawPayload;
  const coding = response.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(raw).toString('utf8');
  if (coding === 'gzip') return zlib.gunzipSync(raw).toString('utf8');
  expect(coding).toBeUndefined();
  return raw.toString('utf8');
}

describe('preferredCoding (Accept-Encoding, RFC 9110 §12.5.3)', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip, deflate, br, zstd', 'br'],
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['deflate', undefined],
    ['identity', undefined],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['gzip;q=0.5, br;q=0.8', 'br'],
    ['br;q=0.1, gzip;q=0.9', 'gzip'],
    ['BR ; Q=0.3 , GZIP;q=0.2', 'br'],
    ['identity, gzip;q=0.5', undefined],
    ['identity;q=0.5, gzip', 'gzip'],
    ['identity;q=0', undefined],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['*;q=0, gzip', 'gzip'],
    ['br;q=0, *', 'gzip'],
    ['br;q=2, gzip;q=0.1', 'gzip'],
    ['br;q=0.0001, gzip;q=0.1', 'gzip'],
    [';;;,,,=q', undefined],
  ])('%j → %s', (header, expected) => {
    expect(preferredCoding(header)).toBe(expected);
  });

  it.each([
    ['gzip, deflate, br, zstd', 'gzip'],
    ['br, gzip', 'gzip'],
    ['*', 'gzip'],
    ['br', 'br'],
    ['br;q=1, gzip;q=0.5', 'br'],
    ['identity, gzip', 'gzip'],
    ['gzip;q=0', undefined],
  ])('for a body compressed per request, gzip where it ranks with br: %j → %s', (header, expected) => {
    expect(preferredCoding(header, 'gzip')).toBe(expected);
  });
});

describe('compression hook, on a bare server', () => {
  const page = `<!doctype html><p>${'Bonjour, voici du texte qui se répète. '.repeat(100)}</p>`;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-compression-'));
    fs.writeFileSync(path.join(dir, 'archive.zip'), Buffer.alloc(5000, 7));
    app = Fastify();
    compression(app);
    app.get('/page', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
    app.get('/small', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<p>short</p>'));
    app.get('/json', async () => ({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}` })) }));
    app.get('/image', async (_request, reply) => reply.type('image/png').send(Buffer.alloc(5000, 1)));
    app.get('/not-modified', async (_request, reply) => reply.code(304).send());
    app.get('/varied', async (_request, reply) =>
      reply.header('vary', 'accept-language').type('text/plain').send(page),
    );
    app.get('/text-stream', async (_request, reply) =>
      reply.type('text/csv').send(Readable.from(Array.from({ length: 300 }, (_, i) => `${i},row ${i}\n`))),
    );
    app.get('/zip-stream', async (_request, reply) =>
      reply.header('content-type', 'application/zip').send(fs.createReadStream(path.join(dir, 'archive.zip'))),
    );
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string, method: 'GET' | 'HEAD' = 'GET') =>
    app.inject({ method, url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('sends the same text in br, gzip or as it is, each with its own length', async () => {
    for (const [accept, coding] of [
      ['br, gzip', 'gzip'],
      ['br', 'br'],
      ['gzip', 'gzip'],
      [undefined, undefined],
    ] as const) {
      const response = await get('/page', accept);
      expect(response.headers['content-encoding']).toBe(coding);
      expect(response.headers.vary).toBe('accept-encoding');
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      expect(decoded(response)).toBe(page);
      if (coding) expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(page) / 5);
    }
  });

  it('compresses JSON', async () => {
    const response = await get('/json', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(response)).items).toHaveLength(200);
  });

  it('leaves small bodies, images, HEAD requests and 304 answers alone', async () => {
    const small = await get('/small', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toBeUndefined();
    expect(small.body).toBe('<p>short</p>');

    const image = await get('/image', 'br, gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.rawPayload.length).toBe(5000);

    const head = await get('/page', 'br, gzip', 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(page));
    expect(head.rawPayload.length).toBe(0);

    const notModified = await get('/not-modified', 'br, gzip');
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['content-encoding']).toBeUndefined();
    expect(notModified.rawPayload.length).toBe(0);
  });

  it('respects q=0 and identity', async () => {
    expect((await get('/page', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    const refused = await get('/page', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.headers.vary).toBe('accept-encoding');
    expect(refused.body).toBe(page);
    expect((await get('/page', 'identity')).headers['content-encoding']).toBeUndefined();
  });

  it('adds Accept-Encoding to a Vary header already there', async () => {
    const response = await get('/varied', 'gzip');
    expect(response.headers.vary).toBe('accept-language, accept-encoding');
    expect(decoded(response)).toBe(page);
  });

  it('compresses a text stream as it flows, and leaves a zip stream untouched', async () => {
    const text = await get('/text-stream', 'br');
    expect(text.headers['content-encoding']).toBe('br');
    expect(text.headers['content-length']).toBeUndefined();
    const lines = decoded(text).trimEnd().split('\n');
    expect(lines).toHaveLength(300);
    expect(lines[299]).toBe('299,row 299');

    const zip = await get('/zip-stream', 'br, gzip');
    expect(zip.headers['content-encoding']).toBeUndefined();
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.rawPayload.equals(Buffer.alloc(5000, 7))).toBe(true);
  });
});

/** A page's CSP nonce and CSRF token differ on every request; all else must be the same bytes. */
function withoutPerRequestValues(html: string) {
  return html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
}

describeEachEngine('compression of the shop’s responses', (suite) => {
  it('sends every storefront page compressed or not, the same page once decoded', async () => {
    for (const url of ['/en/privacy', '/fr/catalogue', '/en/catalog/javascript-fundamentals']) {
      const plain = await suite.app.inject({ url });
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(plain.headers.vary, url).toBe('accept-encoding');
      for (const [accept, coding] of [
        ['gzip, deflate, br, zstd', 'gzip'],
        ['br', 'br'],
        ['gzip', 'gzip'],
      ]) {
        const compressed = await suite.app.inject({ url, headers: { 'accept-encoding': accept } });
        expect(compressed.headers['content-encoding'], url).toBe(coding);
        expect(Number(compressed.headers['content-length'])).toBe(compressed.rawPayload.length);
        expect(compressed.headers.vary, url).toBe('accept-encoding');
        expect(withoutPerRequestValues(decoded(compressed)), url).toBe(withoutPerRequestValues(plain.body));
      }
    }
  });

  it('compresses JSON answers and error pages, and not the small ones', async () => {
    const api = await suite.app.inject({ url: '/api/v1/products', headers: { 'accept-encoding': 'gzip' } });
    expect(api.statusCode).toBe(200);
    expect(api.headers['content-encoding']).toBe('gzip');
    expect(Array.isArray(JSON.parse(decoded(api)).products)).toBe(true);

    const missing = await suite.app.inject({ url: '/en/nowhere', headers: { 'accept-encoding': 'br' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBe('br');
    expect(decoded(missing)).toContain('<html lang="en"');

    const robots = await suite.app.inject({ url: '/robots.txt', headers: { 'accept-encoding': 'br, gzip' } });
    expect(robots.headers['content-encoding']).toBeUndefined();
    expect(robots.body).toContain('Sitemap:');
  });

  it('answers HEAD with the headers of the uncompressed page', async () => {
    const plain = await suite.app.inject({ url: '/en/privacy' });
    const head = await suite.app.inject({ method: 'HEAD', url: '/en/privacy', headers: { 'accept-encoding': 'br' } });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(Number(head.headers['content-length'])).toBe(plain.rawPayload.length);
  });
});
