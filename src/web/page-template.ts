import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import { compressionThreshold, preferredCoding, varyOnEncoding } from '../platform/http/compression.js';
import { SplicedGzip } from '../platform/http/spliced-gzip.js';
import type { PageContext } from './page-context.js';
import { renderDocument } from './render.js';

/**
 * Where the request's own values go in a page rendered once. Letters and dashes only: the
 * renderer escapes nothing in them, in text or in attributes.
 */
const slots = { nonce: 'VITRINE-NONCE-SLOT', csrf: 'VITRINE-CSRF-SLOT' } as const;
type Slot = keyof typeof slots;
const slotPattern = new RegExp(`(${slots.nonce}|${slots.csrf})`);

/** A page as bytes cut where the request's values go: `parts[i]`, then `holes[i]`'s value, and so on. */
interface PageTemplate {
  shop: PageContext['shop'];
  parts: Buffer[];
  holes: Slot[];
  bytes: number;
  /** The parts compressed once, made on the first request that asks for gzip. */
  gzip?: SplicedGzip;
}

const templates = new WeakMap<object, Map<string, PageTemplate>>();

/**
 * A whole page that differs from one request to the next only by its CSP nonce and its forms'
 * CSRF token (a product page: the same for every visitor who is not signed in), rendered once per
 * `owner` and kept as bytes with those two values put in per request. Rendering and encoding a
 * 10 KB page was most of a product page's cost (docs/performance.md); putting five pieces
 * together is a copy.
 *
 * Keyed by the owner object itself, as renderOnce is: when the catalog reloads a product (its
 * stock changed, staff edited it), the new object renders anew and the old bytes are collected
 * with the old object. Within an owner the key is what else the page shows: the language, whether
 * a member is signed in (the header's account link), the year (the footer), and the shop's
 * settings object (its name and address, compared by identity). The CSRF cookie is only set when
 * the page has a form, as when it is rendered each time. Never use it for a page that shows
 * anything else about the visitor (their name, their cart).
 */
export function cachedPage(owner: object, ctx: PageContext, page: (ctx: PageContext) => JSX.Element): Buffer {
  const template = templateFor(owner, ctx, page);
  return Buffer.concat(interleave(template.parts, holeValues(template, ctx)));
}

/**
 * Sends a cachedPage, compressed when the client takes gzip without it being compressed again:
 * its fixed parts are compressed once, the request's values spliced in between (spliced-gzip.ts).
 * Otherwise as cachedPage, the compression hook doing what a client asking for brotli wants.
 */
export function sendCachedPage(
  request: FastifyRequest,
  reply: FastifyReply,
  owner: object,
  ctx: PageContext,
  page: (ctx: PageContext) => JSX.Element,
): FastifyReply {
  const template = templateFor(owner, ctx, page);
  const values = holeValues(template, ctx);
  reply.type('text/html; charset=utf-8');
  if (
    request.method === 'GET' &&
    template.bytes >= compressionThreshold &&
    preferredCoding(request.headers['accept-encoding'], 'gzip') === 'gzip'
  ) {
    template.gzip ??= new SplicedGzip(template.parts);
    varyOnEncoding(reply);
    return reply.header('content-encoding', 'gzip').send(template.gzip.body(values));
  }
  return reply.send(Buffer.concat(interleave(template.parts, values)));
}

function templateFor(owner: object, ctx: PageContext, page: (ctx: PageContext) => JSX.Element): PageTemplate {
  let byKey = templates.get(owner);
  if (!byKey) {
    byKey = new Map();
    templates.set(owner, byKey);
  }
  const key = `${ctx.locale}:${ctx.signedIn}:${new Date().getUTCFullYear()}`;
  let template = byKey.get(key);
  if (!template || template.shop !== ctx.shop) {
    template = templateOf(page({ ...ctx, nonce: slots.nonce, csrfToken: () => slots.csrf }), ctx.shop);
    byKey.set(key, template);
  }
  return template;
}

function templateOf(page: JSX.Element, shop: PageContext['shop']): PageTemplate {
  const pieces = renderDocument(page).split(slotPattern);
  const parts: Buffer[] = [];
  const holes: Slot[] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) parts.push(Buffer.from(piece, 'utf8'));
    else holes.push(piece === slots.nonce ? 'nonce' : 'csrf');
  });
  return { shop, parts, holes, bytes: parts.reduce((sum, part) => sum + part.length, 0) };
}

/** This request's value for each hole; the CSRF token (and its cookie) only asked for when the page has a form. */
function holeValues(template: PageTemplate, ctx: PageContext): Buffer[] {
  const nonce = Buffer.from(ctx.nonce, 'latin1');
  const csrf = template.holes.includes('csrf') ? Buffer.from(ctx.csrfToken(), 'latin1') : undefined;
  return template.holes.map((hole) => (hole === 'nonce' ? nonce : (csrf as Buffer)));
}

function interleave(parts: readonly Buffer[], values: readonly Buffer[]): Buffer[] {
  const list: Buffer[] = [];
  parts.forEach((part, index) => {
    list.push(part);
    const value = values[index];
    if (value) list.push(value);
  });
  return list;
}
