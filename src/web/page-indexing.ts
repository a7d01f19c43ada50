import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, defaultLocale, locales } from '../platform/http/i18n.js';
import type { Alternates } from './paths.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Search engines are asked not to index the page (`<meta name="robots" content="noindex">`,
     * and no canonical or language links): forms, cart, checkout, orders, one-off links. Pages
     * for members or staff, the back office and error answers are never indexed, unsaid.
     */
    noindex?: boolean;
  }
  interface FastifyInstance {
    /** The shop's public address (PUBLIC_URL), for the absolute links search engines need. */
    publicUrl: string;
  }
}

/** What a page tells search engines: its one address and its other languages, or to leave it out. */
export type Indexing =
  | { noindex: true }
  | { noindex: false; canonical: string; languages: { hreflang: Locale | 'x-default'; href: string }[] };

/** Makes the public address known to every page (Google wants canonical and hreflang absolute). */
export function pageIndexing(app: FastifyInstance, publicUrl: string) {
  app.decorate('publicUrl', publicUrl);
}

/**
 * The page's canonical address is its own in its language, as the route states it in its
 * alternates: what the route reads from the query (a catalog filter) stays, anything else
 * (tracking parameters, an unknown filter) goes. A page without alternates is canonical
 * without its query. x-default is the default language's page, where `/` sends a visitor whose
 * languages we do not speak.
 */
export function indexingOf(
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  alternates: Alternates | undefined,
): Indexing {
  const config = request.routeOptions.config;
  if (config?.noindex || config?.access !== 'public' || config.area === 'back-office' || reply.statusCode >= 400) {
    return { noindex: true };
  }
  const base = request.server.publicUrl;
  if (!alternates) return { noindex: false, canonical: base + (request.url.split('?')[0] ?? '/'), languages: [] };
  return {
    noindex: false,
    canonical: base + alternates[locale],
    languages: [
      ...locales.map((hreflang) => ({ hreflang, href: base + alternates[hreflang] })),
      { hreflang: 'x-default' as const, href: base + alternates[defaultLocale] },
    ],
  };
}
