import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The content codings we answer with; `undefined` below means identity (as is). */
export type ContentCoding = 'br' | 'gzip';

/**
 * What is worth compressing: text, JSON, JavaScript, XML and SVG. Images, PDF, zip and fonts
 * (woff2) are compressed already. An event stream is left alone: a compressor would hold its
 * events back until enough bytes arrive.
 */
const compressible =
  /^(?:text\/(?!event-stream)|application\/(?:json|javascript|xml|[\w.-]+\+(?:json|xml))\b|image\/svg\+xml)/i;

/** Below this many bytes, the headers and the compressor's own cost outweigh what it saves. */
export const compressionThreshold = 1024;

/**
 * Brotli at quality 4 when a client asks for brotli rather than gzip (docs/performance.md
 * measures it against gzip 6 and other qualities); the text mode and the size hint let it size
 * its tables.
 */
const brotliOptions = (size: number): zlib.BrotliOptions => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});
const gzipOptions: zlib.ZlibOptions = { level: 6 };

/**
 * The coding a client prefers, from its Accept-Encoding header (RFC 9110 §12.5.3): the highest
 * q-value among br and gzip, `*` standing for any coding it does not name, q=0 refusing. No
 * header means identity: any coding would be allowed, but clients that omit it (scripts,
 * health checks, old proxies) rarely decode one. Identity is acceptable unless refused and comes
 * last unless the client ranks it higher; refused too, it is still what we send (rather than a 406).
 * Between br and gzip ranked alike (browsers send "gzip, deflate, br, zstd"), `tie` decides: br
 * for files compressed once ahead (smaller), gzip for bodies compressed per request (gzip 6 costs
 * a third of brotli 4's time on a 10 KB page for 5 % more bytes: docs/performance.md).
 */
export function preferredCoding(header: string | undefined, tie: ContentCoding = 'br'): ContentCoding | undefined {
  if (!header) return undefined;
  let br: number | undefined;
  let gzip: number | undefined;
  let identity: number | undefined;
  let any: number | undefined;
  for (const entry of header.split(',')) {
    const [name = '', ...params] = entry.split(';');
    const coding = name.trim().toLowerCase();
    let q = 1;
    for (const param of params) {
      const [key = '', value = ''] = param.split('=');
      if (key.trim().toLowerCase() === 'q') q = qValue(value.trim());
    }
    if (Number.isNaN(q)) continue; // a malformed weight: the entry says nothing
    if (coding === 'br') br = q;
    else if (coding === 'gzip' || coding === 'x-gzip') gzip = q;
    else if (coding === 'identity') identity = q;
    else if (coding === '*') any = q;
  }
  const qBr = br ?? any ?? 0;
  const qGzip = gzip ?? any ?? 0;
  const qIdentity = identity ?? 0;
  if (tie === 'gzip' && qGzip > 0 && qGzip >= qBr && qGzip >= qIdentity) return 'gzip';
  if (qBr > 0 && qBr >= qGzip && qBr >= qIdentity) return 'br';
  if (qGzip > 0 && qGzip >= qIdentity) return 'gzip';
  return undefined;
}

/** A qvalue: 0 to 1 with at most three decimals; anything else is NaN. */
function qValue(text: string): number {
  return /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(text) ? Number(text) : Number.NaN;
}

/** Adds Accept-Encoding to Vary (keeping what is there), so caches key on the coding. */
export function varyOnEncoding(reply: FastifyReply) {
  const vary = reply.getHeader('vary');
  if (vary === undefined) {
    reply.header('vary', 'accept-encoding');
    return;
  }
  const list = Array.isArray(vary) ? vary.join(', ') : String(vary);
  if (!/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i.test(list)) reply.header('vary', `${list}, accept-encoding`);
}

/** Compresses a whole body at once, in the calling thread (see docs/performance.md for why). */
export function compressBody(body: Buffer | string, coding: ContentCoding): Buffer {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  return coding === 'br' ? zlib.brotliCompressSync(body, brotliOptions(size)) : zlib.gzipSync(body, gzipOptions);
}

interface Pipeable {
  pipe: unknown;
  on: unknown;
}

function isNodeStream(payload: unknown): payload is NodeJS.ReadableStream & Pipeable {
  return typeof payload === 'object' && payload !== null && typeof (payload as Pipeable).pipe === 'function';
}

/**
 * Compresses responses the client accepts compressed (br or gzip), as the last step before they
 * are sent: text-like types only, bodies of at least 1 KiB or streams of unknown length. Leaves
 * alone HEAD requests (their headers say what GET would send uncompressed), statuses without a
 * body, and replies that already say their coding (precompressed static files).
 */
export function compression(app: FastifyInstance) {
  app.addHook('onSend', (request, reply, payload, done) => {
    const status = reply.statusCode;
    if (
      payload === null ||
      payload === undefined ||
      request.method === 'HEAD' ||
      status === 204 ||
      status === 304 ||
      reply.hasHeader('content-encoding')
    ) {
      return done(null, payload);
    }
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !compressible.test(type)) return done(null, payload);

    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
      if (size < compressionThreshold) return done(null, payload);
      varyOnEncoding(reply);
      const coding = preferredCoding(request.headers['accept-encoding'], 'gzip');
      if (!coding) return done(null, payload);
      reply.header('content-encoding', coding).removeHeader('content-length');
      // Fastify sets Content-Length from the body it is given: the compressed one.
      return done(null, compressBody(payload, coding));
    }

    if (isNodeStream(payload)) {
      varyOnEncoding(reply);
      const coding = preferredCoding(request.headers['accept-encoding'], 'gzip');
      if (!coding) return done(null, payload);
      reply.header('content-encoding', coding).removeHeader('content-length');
      const encoder = coding === 'br' ? zlib.createBrotliCompress(brotliOptions(0)) : zlib.createGzip(gzipOptions);
      // An error on either side destroys both: Fastify sees it on the stream it sends and
      // ends the response; a client that leaves destroys the encoder, which closes the source.
      return done(
        null,
        pipeline(payload, encoder, () => {}),
      );
    }
    // Anything else (a web ReadableStream, a Response) goes as it is.
    return done(null, payload);
  });
}
