import type { JSX } from 'preact';
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
  return fill(template, ctx);
}

function templateOf(page: JSX.Element, shop: PageContext['shop']): PageTemplate {
  const pieces = renderDocument(page).split(slotPattern);
  const parts: Buffer[] = [];
  const holes: Slot[] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) parts.push(Buffer.from(piece, 'utf8'));
    else holes.push(piece === slots.nonce ? 'nonce' : 'csrf');
  });
  return { shop, parts, holes };
}

function fill(template: PageTemplate, ctx: PageContext): Buffer {
  const values = {
    nonce: Buffer.from(ctx.nonce, 'latin1'),
    csrf: template.holes.includes('csrf') ? Buffer.from(ctx.csrfToken(), 'latin1') : undefined,
  };
  const list: Buffer[] = [];
  template.parts.forEach((part, index) => {
    list.push(part);
    const hole = template.holes[index];
    if (hole) list.push(values[hole] as Buffer);
  });
  return Buffer.concat(list);
}
