import type { FastifyInstance } from 'fastify';
import { imageFormats } from '../../platform/media/image-file.js';
import { type ContentFiles, contentFileName } from '../../platform/media/content-files.js';

const contentTypes: Record<string, string> = Object.fromEntries(
  Object.values(imageFormats).map((format) => [format.extension, format.contentType]),
);

/** Whether an If-None-Match header names this ETag (or `*`); weak or strong, as RFC 9110 compares for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

/**
 * Product photos, public: /media/products/<sha256>.<jpg|png|webp>. A name is the hash of the
 * file's bytes, so a URL always means the same bytes: cached for a year (immutable), its ETag the
 * hash, a 304 when the browser has it. Only a name of that exact shape is looked up (anything
 * else is a 404 without touching the disk: no path can be made of it); the type follows the
 * name's extension, set when the file was checked, and browsers may not guess another (nosniff).
 */
export function mediaRoutes(app: FastifyInstance, files: ContentFiles) {
  app.get<{ Params: { name: string } }>(
    '/media/products/:name',
    { config: { access: 'public' } },
    async (request, reply) => {
      const { name } = request.params;
      if (!contentFileName.test(name)) return reply.callNotFound();
      const etag = `"${name.slice(0, 64)}"`;
      const cached = () =>
        reply
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('etag', etag)
          .header('x-content-type-options', 'nosniff');
      if (matches(request.headers['if-none-match'], etag)) {
        // Only for a file we have: a removed photo's URL is a 404, even to a browser that kept it.
        if (!(await files.has(name))) return reply.callNotFound();
        return cached().code(304).send();
      }
      const file = await files.open(name);
      if (!file) return reply.callNotFound();
      return cached()
        .type(contentTypes[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream')
        .header('content-length', file.size)
        .send(file.stream);
    },
  );
}
