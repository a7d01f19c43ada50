import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { projectFile } from '../platform/project-root.js';

/**
 * The site's static files, read into memory at start-up and served with a content hash in their
 * URL, so browsers cache them for a year and still get a new version the moment it changes.
 */
const files: Record<string, { type: string; source: string }> = {
  'site.css': { type: 'text/css; charset=utf-8', source: projectFile('src/web/styles/site.css') },
  'favicon.svg': { type: 'image/svg+xml', source: projectFile('src/web/styles/favicon.svg') },
};

const loaded = new Map<string, { body: Buffer; type: string; hash: string }>();

function load(name: string) {
  let asset = loaded.get(name);
  if (!asset) {
    const file = files[name];
    if (!file) throw new Error(`Unknown asset ${name}`);
    const body = fs.readFileSync(file.source);
    asset = { body, type: file.type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
    loaded.set(name, asset);
  }
  return asset;
}

export function assetUrl(name: string): string {
  return `/assets/${load(name).hash}/${name}`;
}

export function assetRoutes(app: FastifyInstance) {
  for (const name of Object.keys(files)) load(name);
  app.get<{ Params: { hash: string; name: string } }>(
    '/assets/:hash/:name',
    { config: { access: 'public' } },
    async (request, reply) => {
      const asset = loaded.get(request.params.name);
      if (!asset) return reply.callNotFound();
      // An old hash still gets the current file, but without the year-long cache.
      const immutable = request.params.hash === asset.hash;
      return reply
        .type(asset.type)
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
        .send(asset.body);
    },
  );
  app.get('/favicon.ico', { config: { access: 'public' } }, async (_request, reply) =>
    reply.redirect(assetUrl('favicon.svg'), 301),
  );
}
