import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '../platform/auth/signed-in-member.js';
import type { Locale } from '../platform/http/i18n.js';
import type { ShopIdentity } from '../platform/settings/shop-identity.js';
import type { Alternates } from './paths.js';
import { assetUrl } from './assets.js';
import { type Indexing, indexingOf } from './page-indexing.js';

/** What every page needs besides its own content: language, nonce, shop, and links. */
export interface PageContext {
  locale: Locale;
  nonce: string;
  shop: ShopIdentity;
  /** The current page in each language (the language switcher). */
  alternates: Alternates | undefined;
  /** Canonical and language links for search engines, or noindex (web/page-indexing.ts). */
  indexing: Indexing;
  /** The path of the current page, to mark the current menu entry. */
  path: string;
  stylesheet: string;
  /** A CSRF token for forms on this page; the cookie is only set when a form asks for it. */
  csrfToken: () => string;
  /** Whether a member is signed in (the header then links to their account, not to sign-in). */
  signedIn: boolean;
}

export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { locale: Locale; shop: ShopIdentity; alternates?: Alternates },
): PageContext {
  return {
    locale: options.locale,
    nonce: reply.cspNonce,
    shop: options.shop,
    alternates: options.alternates,
    indexing: indexingOf(request, reply, options.locale, options.alternates),
    path: request.url.split('?')[0] ?? '/',
    stylesheet: assetUrl('site.css'),
    csrfToken: () => request.csrfToken(reply),
    // Set by the members module's session hook (platform/auth/signed-in-member.ts declares it).
    signedIn: request.member !== null && request.member !== undefined,
  };
}
