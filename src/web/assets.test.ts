import fs from 'node:fs';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/harness.js';
import { projectFile } from '../platform/project-root.js';
import { assetUrl, assetsPrepared, prepareAsset } from './assets.js';

const source = fs.readFileSync(projectFile('src/web/styles/site.css'));

describe('prepareAsset', () => {
  it('minifies a stylesheet and compresses it ahead in Brotli and gzip', async () => {
    const prepared = await prepareAsset(source, 'css');
    expect(prepared.body.length).toBeLessThan(source.length * 0.9);
    expect(prepared.body.toString()).not.toContain('/*');
    expect(prepared.body.toString()).toContain('.site-header{');
    expect(zlib.brotliDecompressSync(prepared.br ?? Buffer.alloc(0)).equals(prepared.body)).toBe(true);
    expect(zlib.gunzipSync(prepared.gzip ?? Buffer.alloc(0)).equals(prepared.body)).toBe(true);
    expect(prepared.br?.length).toBeLessThan(prepared.gzip?.length ?? 0);
  });

  it('keeps a file under 1 KiB as it is, uncompressed', async () => {
    const small = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await prepareAsset(small)).toEqual({ body: small });
  });
});

describeEachEngine('static assets', (suite) => {
  let url: string;
  let minified: Buffer;

  beforeAll(async () => {
    await assetsPrepared();
    url = assetUrl('site.css');
    minified = (await prepareAsset(source, 'css')).body;
  });

  it('links the stylesheet by its hash from every page', async () => {
    const page = await suite.app.inject({ url: '/en' });
    expect(page.body).toContain(`<link rel="stylesheet" href="${url}"/>`);
  });

  it('serves the stylesheet minified, precompressed per Accept-Encoding, with its length, cached for a year', async () => {
    for (const [accept, coding, decode] of [
      ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
      ['br;q=0, gzip;q=0', undefined, (b: Buffer) => b],
      [undefined, undefined, (b: Buffer) => b],
    ] as const) {
      const response = await suite.app.inject({
        url,
        headers: accept === undefined ? {} : { 'accept-encoding': accept },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(response.headers['content-encoding']).toBe(coding);
      expect(response.headers.vary).toBe('accept-encoding');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      expect(decode(response.rawPayload).equals(minified)).toBe(true);
    }
  });

  it('answers HEAD with the headers GET would send', async () => {
    const get = await suite.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    const head = await suite.app.inject({ method: 'HEAD', url, headers: { 'accept-encoding': 'br' } });
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.rawPayload.length).toBe(0);
  });

  it('serves a small file as it is, and an old hash without the year-long cache', async () => {
    const favicon = await suite.app.inject({ url: assetUrl('favicon.svg'), headers: { 'accept-encoding': 'br' } });
    expect(favicon.headers['content-type']).toBe('image/svg+xml');
    expect(favicon.headers['content-encoding']).toBeUndefined();
    expect(favicon.rawPayload.equals(fs.readFileSync(projectFile('src/web/styles/favicon.svg')))).toBe(true);
    const old = await suite.app.inject({ url: '/assets/000000000000/site.css' });
    expect(old.headers['cache-control']).toBe('public, max-age=300');
    expect(old.rawPayload.equals(minified)).toBe(true);
  });
});
