import type { FastifyInstance } from 'fastify';
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page (escaped by default: text and attributes can never inject markup). */
    html(page: JSX.Element): FastifyReply;
  }
}

export function renderDocument(page: JSX.Element): string {
  return `<!doctype html>${renderToString(page)}`;
}

export function htmlRendering(app: FastifyInstance) {
  app.decorateReply('html', function (page: JSX.Element) {
    // As bytes: encoded once here, where a string would be measured (Content-Length, the
    // compression threshold) and encoded again on the way out, each a pass over 10 KB.
    return this.type('text/html; charset=utf-8').send(Buffer.from(renderDocument(page), 'utf8'));
  });
}
