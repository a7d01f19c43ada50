import type { FastifyInstance } from 'fastify';
import { type Locale, locales } from '../../platform/http/i18n.js';
import { alternatesOf, paths } from '../../web/paths.js';
import type { CatalogService } from './catalog-service.js';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * For search engines: robots.txt (everything but the staff area) and a sitemap listing every
 * public page in both languages, each with its hreflang alternates.
 */
export function sitemapRoutes(app: FastifyInstance, catalog: CatalogService, publicUrl: string) {
  app.get('/robots.txt', { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(`User-agent: *\nDisallow: /admin\nDisallow: /api/\n\nSitemap: ${publicUrl}/sitemap.xml\n`),
  );

  app.get('/sitemap.xml', { config: { access: 'public' } }, async (_request, reply) => {
    const pages: ((locale: Locale) => string)[] = [paths.home, paths.catalog, paths.privacy, paths.cookies];
    for (const product of await catalog.list('fr')) pages.push((locale) => paths.product(locale, product.slug));
    const entries = pages.flatMap((path) => {
      const alternates = alternatesOf(path);
      const links = locales
        .map(
          (locale) =>
            `<xhtml:link rel="alternate" hreflang="${locale}" href="${escapeXml(publicUrl + alternates[locale])}"/>`,
        )
        .join('');
      return locales.map((locale) => `<url><loc>${escapeXml(publicUrl + alternates[locale])}</loc>${links}</url>`);
    });
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`,
      );
  });
}
