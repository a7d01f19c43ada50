import type { FastifyRequest } from 'fastify';
import { h } from 'preact';
import { type ErrorResponder, visitorLocale } from '../platform/http/error-handler.js';
import { errorCatalog } from '../platform/http/errors.js';
import type { ShopIdentity } from '../platform/settings/shop-identity.js';
import { ErrorPage } from './components/error-page.js';
import { pageContext } from './page-context.js';
import { renderDocument } from './render.js';

function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  const accept = request.headers.accept ?? '';
  return !(accept.includes('application/json') && !accept.includes('text/html'));
}

/** Answers with an error from the catalog: a page (in the visitor's language) or JSON. */
export function errorResponder(shop: () => ShopIdentity): ErrorResponder {
  return (request, reply, code, fields) => {
    const locale = visitorLocale(request);
    const spec = errorCatalog[code];
    reply.code(spec.status).header('cache-control', 'no-store');
    // A server error gets a reference the visitor can quote to support; it is in the log line.
    const reference = spec.status >= 500 ? request.id : undefined;
    if (!wantsHtml(request)) {
      return reply.send({
        error: {
          code,
          message: spec.message[locale],
          ...(fields ? { fields } : {}),
          ...(reference ? { reference } : {}),
        },
      });
    }
    try {
      const ctx = pageContext(request, reply, { locale, shop: shop() });
      return reply
        .type('text/html; charset=utf-8')
        .send(renderDocument(h(ErrorPage, { ctx, code, fields, reference })));
    } catch (renderError) {
      // The error page itself failed (a broken template): still answer kindly, and say so in the log.
      request.log.error({ err: renderError }, 'error page failed to render');
      return reply
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${spec.title[locale]}</title><h1>${spec.title[locale]}</h1><p>${spec.message[locale]}</p>`,
        );
    }
  };
}
