import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { compressionThreshold, preferredCoding, varyOnEncoding } from '../platform/http/compression.js';
import { projectFile } from '../platform/project-root.js';

/**
 * The site's static files, read into memory at start-up and served with a content hash in their
 * URL, so browsers cache them for a year and still get a new version the moment it changes.
 * Stylesheets and scripts are minified, and every file of 1 KiB or more is compressed ahead,
 * once per process (Brotli at its best quality, gzip 9): a request only picks the bytes.
 */
const files: Record<string, { type: string; source: string; minify?: 'css' | 'js' }> = {
  'site.css': { type: 'text/css; charset=utf-8', source: projectFile('src/web/styles/site.css'), minify: 'css' },
  'favicon.svg': { type: 'image/svg+xml', source: projectFile('src/web/styles/favicon.svg') },
};

/** The bytes served for an asset once prepared: minified, and compressed ahead when worth it. */
export interface PreparedAsset {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

interface Asset {
  type: string;
  /** Of the source file: known at once, and the prepared bytes follow from it. */
  hash: string;
  source: Buffer;
  prepared?: PreparedAsset;
}

const loaded = new Map<string, Asset>();
let preparing: Promise<void> | undefined;

function load(name: string): Asset {
  let asset = loaded.get(name);
  if (!asset) {
    const file = files[name];
    if (!file) throw new Error(`Unknown asset ${name}`);
    const source = fs.readFileSync(file.source);
    asset = { type: file.type, source, hash: createHash('sha256').update(source).digest('hex').slice(0, 12) };
    loaded.set(name, asset);
  }
  return asset;
}

export function assetUrl(name: string): string {
  return `/assets/${load(name).hash}/${name}`;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Minifies (stylesheets, scripts) and compresses one asset; Brotli and gzip run off the main thread. */
export async function prepareAsset(source: Buffer, minify?: 'css' | 'js'): Promise<PreparedAsset> {
  const body = minify ? await minified(source, minify) : source;
  if (body.length < compressionThreshold) return { body };
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  return { body, br, gzip: gz };
}

/**
 * esbuild's command-line binary, in a child process: its JavaScript API cannot be bundled into
 * dist/ (it looks for itself next to its own files) and would cost 30–40 ms of module loading on
 * the main thread at every start; the binary minifies site.css in ~20 ms on another core.
 */
function minified(source: Buffer, loader: 'css' | 'js'): Promise<Buffer> {
  const packageJson = createRequire(import.meta.url).resolve('esbuild/package.json');
  const binary = path.join(path.dirname(packageJson), 'bin', 'esbuild');
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [`--loader=${loader}`, '--minify', '--log-level=error'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`esbuild exited with ${code}: ${Buffer.concat(err).toString().trim()}`));
    });
    child.stdin.end(source);
  });
}

/**
 * Prepares every asset once per process (tests build many apps in one). It does not hold up
 * the start: until an asset is ready its source is served (compressed on the fly by the
 * compression hook), with a five-minute cache rather than a year, so no browser keeps the
 * unminified bytes. A failure (esbuild missing) is logged and the source stays.
 */
export function assetsPrepared(log?: FastifyBaseLogger): Promise<void> {
  preparing ??= Promise.all(
    Object.entries(files).map(async ([name, file]) => {
      const asset = load(name);
      try {
        asset.prepared = await prepareAsset(asset.source, file.minify);
      } catch (error) {
        log?.warn({ err: error, asset: name }, 'asset served as it is: it could not be minified and compressed');
      }
    }),
  ).then(() => undefined);
  return preparing;
}

export function assetRoutes(app: FastifyInstance) {
  for (const name of Object.keys(files)) load(name);
  void assetsPrepared(app.log);
  app.get<{ Params: { hash: string; name: string } }>(
    '/assets/:hash/:name',
    { config: { access: 'public' } },
    async (request, reply) => {
      const asset = loaded.get(request.params.name);
      if (!asset) return reply.callNotFound();
      const prepared = asset.prepared;
      // An old hash still gets the current file, but without the year-long cache.
      const immutable = request.params.hash === asset.hash && prepared !== undefined;
      reply
        .type(asset.type)
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
      if (!prepared) return reply.send(asset.source);
      if (!prepared.br || !prepared.gzip) return reply.send(prepared.body);
      varyOnEncoding(reply);
      const coding = preferredCoding(request.headers['accept-encoding']);
      if (!coding) return reply.send(prepared.body);
      return reply.header('content-encoding', coding).send(coding === 'br' ? prepared.br : prepared.gzip);
    },
  );
  app.get('/favicon.ico', { config: { access: 'public' } }, async (_request, reply) =>
    reply.redirect(assetUrl('favicon.svg'), 301),
  );
}
